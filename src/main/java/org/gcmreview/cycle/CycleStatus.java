package org.gcmreview.cycle;

/** Where a review cycle stands, as secretariats and coordinators see it. */
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
    PUBLISHED
}
