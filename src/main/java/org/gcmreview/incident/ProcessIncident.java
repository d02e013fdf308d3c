package org.gcmreview.incident;

import java.time.Instant;

/**
 * One failed job of a process, as people read it.
 *
 * @param businessKey the instance's business key: the cycle's (e.g. KEN-2026) or the round's code
 * @param what message key saying what failed ({@code incident.what.<activity>}, or the general one)
 * @param cause message key saying why, from the kind of error ({@code incident.cause.*})
 * @param retryable a failed job that a retry runs again (other incidents are for the administrator in Cockpit)
 */
public record ProcessIncident(String id, String processInstanceId, String processKey, String businessKey,
        String activityId, Instant since, String what, String cause, boolean retryable) {
}
