package org.gcmreview.processes;

/**
 * imrf-review.bpmn: one instance per IMRF edition (business key e.g. {@code IMRF-2026}); started and fed like
 * regional-review, with the same variables. Constants named {@code MESSAGE_*} are message names.
 */
public final class ImrfReview {

    public static final String PROCESS = "imrf-review";

    public static final String MESSAGE_REPORT_SUBMITTED = "ReportSubmittedToImrf";
    /**
     * Sent by the national review when its cycle is withdrawn (issue 14.5), once per withdrawn submission, to the
     * round's instance with the local variable {@code submissionId} of that submission's review; the review
     * should end. Correlated with correlateAll: a round model without a catch for it is told nothing and fails
     * nothing.
     */
    public static final String MESSAGE_SUBMISSION_WITHDRAWN = "SubmissionWithdrawn";

    private ImrfReview() {
    }
}
