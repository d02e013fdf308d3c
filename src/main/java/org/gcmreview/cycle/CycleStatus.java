package org.gcmreview.cycle;

/** Where a review cycle stands, as secretariats and coordinators see it. */
public enum CycleStatus {
    SCOPING("Scoping"),
    DRAFTING("National drafting"),
    CONSOLIDATION("Consolidation"),
    CONSULTATION("Stakeholder consultation"),
    SIGN_OFF("Inter-ministerial sign-off"),
    ENDORSEMENT("Endorsement"),
    READY_TO_SUBMIT("Ready to submit"),
    SUBMITTED("Submitted to the regional review"),
    CLARIFICATION_REQUESTED("Clarification requested"),
    ACKNOWLEDGED("Acknowledged by the regional review"),
    PUBLISHED("Published");

    private final String label;

    CycleStatus(String label) {
        this.label = label;
    }

    /** How the stage is named on the pages. */
    public String label() {
        return label;
    }
}
