package org.gcmreview.cycle;

import java.time.Instant;

/** One withdrawal of a cycle: from which stage, why, by whom; and, once an administrator reopened it, that too. */
public record Withdrawal(long id, long cycleId, String businessKey, String countryIso3, CycleStatus stage,
        String reason, String withdrawnBy, Instant withdrawnAt, String processInstanceId, String reopenedBy,
        Instant reopenedAt, String reopenReason) {

    public boolean reopened() {
        return reopenedAt != null;
    }
}
