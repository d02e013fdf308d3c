package org.gcmreview.cycle;

/**
 * The dates of a cycle's plan, in the order they fall (issue 14.1 / 16.6). The form field of each is its
 * {@link #field()}; message keys are {@code cycle.plan.milestone.<field>}.
 */
public enum Milestone {
    DRAFTING_DUE("draftingDue"),
    CONSULTATION_OPENS("consultationOpens"),
    CONSULTATION_CLOSES("consultationCloses"),
    SIGN_OFF_DUE("signOffDue"),
    ENDORSEMENT_DUE("endorsementDue"),
    INTERNAL_SUBMISSION("internalSubmission");

    private final String field;

    Milestone(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}
