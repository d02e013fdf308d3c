package org.gcmreview.consultation.organisation;

import java.time.Instant;

/** A stakeholder organisation as registered, with the coordinator's decision. */
public record Organisation(
        long id,
        String countryIso3,
        String countryName,
        String name,
        String stakeholderType,
        String contactName,
        String contactEmail,
        OrganisationStatus status,
        Instant registeredAt,
        Instant decidedAt,
        String decidedBy,
        String rejectionReason,
        String usernames) {
}
