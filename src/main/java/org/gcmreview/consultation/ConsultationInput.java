package org.gcmreview.consultation;

import java.time.Instant;

/**
 * One stakeholder input: from a verified organisation (organisation fields set) or from an individual
 * (author name and e-mail, held until the address is confirmed). It concerns an objective or a general section.
 *
 * @param duplicateOf the first input of its duplicate group, when the coordinator grouped it with others
 * @param revisionNo the revision of the report section that took it up, with that section's title
 */
record ConsultationInput(
        long id,
        long windowId,
        String reference,
        Long organisationId,
        String organisationName,
        String stakeholderType,
        Long authorUserId,
        String authorName,
        String authorEmail,
        Integer objectiveNumber,
        String sectionKind,
        String language,
        String body,
        InputStatus status,
        String moderationReason,
        Long duplicateOf,
        String duplicateOfReference,
        Instant submittedAt,
        Instant confirmedAt,
        InputOutcome responseOutcome,
        String responseText,
        Instant respondedAt,
        Long responseRevisionId,
        Integer revisionNo,
        String revisionSectionTitle) {

    /** Stakeholder type code used for individuals in filters and summaries. */
    public static final String INDIVIDUAL = "INDIVIDUAL";

    public InputTarget target() {
        return new InputTarget(objectiveNumber, sectionKind);
    }

    public boolean individual() {
        return organisationId == null;
    }

    /** The organisation's type, or {@link #INDIVIDUAL}. */
    public String authorType() {
        return individual() ? INDIVIDUAL : stakeholderType;
    }

    public boolean hidden() {
        return status == InputStatus.HIDDEN;
    }

    public boolean published() {
        return status == InputStatus.PUBLISHED;
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean duplicate() {
        return duplicateOf != null;
    }

    /** The id of its duplicate group: the first input's id (its own when it is not a duplicate). */
    public long groupId() {
        return duplicateOf != null ? duplicateOf : id;
    }

    /** English description for the audit trail. */
    String subject() {
        return target().value();
    }
}
