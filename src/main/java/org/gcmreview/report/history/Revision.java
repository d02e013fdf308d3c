package org.gcmreview.report.history;

import java.time.Instant;

/**
 * One saved revision of a report section or contribution, as the history lists it.
 *
 * @param previousNumber the revision before this one, null for the first (numbers need not be consecutive)
 * @param note the author's note on the change; contributions have none
 * @param implementationStatus e.g. IN_PROGRESS, shown with the message drafting.status.&lt;status&gt;; null if none
 */
public record Revision(int number, Integer previousNumber, String authorName, Instant createdAt, String note,
        String implementationStatus) {
}
