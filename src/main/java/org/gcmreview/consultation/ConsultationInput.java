package org.gcmreview.consultation;

import java.time.Instant;

/**
 * One stakeholder input. It concerns either an objective ({@code objectiveNumber}) or a report section
 * ({@code sectionKind}).
 */
public record ConsultationInput(
        long id,
        long windowId,
        String reference,
        Long organisationId,
        String organisationName,
        Long authorUserId,
        Integer objectiveNumber,
        String sectionKind,
        String language,
        String body,
        String status,
        Instant submittedAt,
        InputOutcome responseOutcome,
        String responseText,
        Instant respondedAt) {

    /** What the input is about, in words. */
    public String subject() {
        if (objectiveNumber != null) {
            return "Objective " + objectiveNumber;
        }
        return InputTarget.sectionLabel(sectionKind);
    }

    public boolean hidden() {
        return "HIDDEN".equals(status);
    }
}
