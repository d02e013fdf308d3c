package org.gcmreview.report;

import java.time.Instant;

/** A ministry's draft for one objective of a cycle. */
public record Contribution(
        long id,
        long cycleId,
        long ministryId,
        String ministryName,
        int objectiveNumber,
        String objectiveTitle,
        boolean lead,
        String body,
        String status,
        int lockVersion,
        Instant updatedAt,
        Instant submittedAt) {

    public boolean submitted() {
        return submittedAt != null;
    }

    public String statusLabel() {
        return ImplementationStatus.parse(status).map(ImplementationStatus::label).orElse("No status yet");
    }
}
