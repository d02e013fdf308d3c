package org.gcmreview.signoff;

import java.time.Instant;

/** A ministry's decision in one sign-off round. */
public record SignOffDecision(
        long id,
        long cycleId,
        int roundNo,
        long ministryId,
        String ministryName,
        Decision decision,
        String reason,
        String decidedBy,
        Instant decidedAt) {

    public enum Decision {
        APPROVED,
        CHANGES_REQUESTED
    }

    public boolean changesRequested() {
        return decision == Decision.CHANGES_REQUESTED;
    }
}
