package org.gcmreview.processes;

/**
 * stakeholder-consultation.bpmn, called by national-review with the same business key and the variables it passes
 * in. Constants named {@code MESSAGE_*} are message names, {@code VAR_*} process variables.
 */
public final class StakeholderConsultation {

    public static final String PROCESS = "stakeholder-consultation";

    /** The coordinator records how each input was addressed. */
    public static final String RESPOND_TO_INPUTS = "RespondToInputs";
    public static final String MESSAGE_CLOSED_EARLY = "ConsultationClosedEarly";
    public static final String MESSAGE_EXTENDED = "ConsultationWindowExtended";

    public static final String VAR_COUNTRY_ISO3 = NationalReview.VAR_COUNTRY_ISO3;
    public static final String VAR_CYCLE_ID = NationalReview.VAR_CYCLE_ID;
    public static final String VAR_OPENS_AT = NationalReview.VAR_CONSULTATION_OPENS_AT;
    public static final String VAR_CLOSES_AT = NationalReview.VAR_CONSULTATION_CLOSES_AT;

    private StakeholderConsultation() {
    }
}
