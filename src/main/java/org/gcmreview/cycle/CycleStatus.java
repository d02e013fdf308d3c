package org.gcmreview.cycle;

/**
 * Where a review cycle stands, as secretariats and coordinators see it. Pages name a stage in the reader's
 * language with the message {@code cycle.status.<NAME>} (bundle i18n/drafting).
 */
public enum CycleStatus {
    SCOPING,
    DRAFTING,
    CONSOLIDATION,
    CONSULTATION,
    SIGN_OFF,
    ENDORSEMENT,
    READY_TO_SUBMIT,
    SUBMITTED,
    CLARIFICATION_REQUESTED,
    ACKNOWLEDGED,
    PUBLISHED,
    /** The coordinator withdrew the cycle (issue 14.5); an administrator may reopen it. */
    WITHDRAWN
}
