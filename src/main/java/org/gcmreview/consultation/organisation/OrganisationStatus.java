package org.gcmreview.consultation.organisation;

/** Where a registered organisation stands with its country's coordinator. */
public enum OrganisationStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
