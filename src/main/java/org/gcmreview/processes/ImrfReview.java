package org.gcmreview.processes;

/**
 * imrf-review.bpmn: one instance per IMRF edition (business key e.g. {@code IMRF-2026}); started and fed like
 * regional-review, with the same variables. Constants named {@code MESSAGE_*} are message names.
 */
public final class ImrfReview {

    public static final String PROCESS = "imrf-review";

    public static final String MESSAGE_REPORT_SUBMITTED = "ReportSubmittedToImrf";

    private ImrfReview() {
    }
}
