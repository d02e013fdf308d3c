package org.gcmreview.processes;

/**
 * regional-review.bpmn: one instance per regional round (business key: the round code). Constants named
 * {@code MESSAGE_*} are message names, {@code VAR_*} process variables, the rest activity ids.
 */
public final class RegionalReview {

    public static final String PROCESS = "regional-review";

    public static final String SUBMISSION_DEADLINE_TIMER = "SubmissionDeadlineTimer";

    public static final String MESSAGE_NATIONAL_REPORT_SUBMITTED = "NationalReportSubmitted";
    /**
     * Sent by the national review when its cycle is withdrawn (issue 14.5), once per withdrawn submission, to the
     * round's instance with the local variable {@code submissionId} of that submission's review; the review
     * should end. Correlated with correlateAll: a round model without a catch for it is told nothing and fails
     * nothing.
     */
    public static final String MESSAGE_SUBMISSION_WITHDRAWN = "SubmissionWithdrawn";

    public static final String VAR_COMMISSION_CODE = "commissionCode";
    public static final String VAR_ROUND_ID = "roundId";
    public static final String VAR_SECRETARIAT_GROUP = "secretariatGroup";
    public static final String VAR_SUBMISSION_DEADLINE = "submissionDeadline";
    /** Local to one submission's review, like the next two: set when a national report comes in. */
    public static final String VAR_SUBMISSION_ID = "submissionId";
    public static final String VAR_NATIONAL_BUSINESS_KEY = "nationalBusinessKey";
    public static final String VAR_COUNTRY_ISO3 = NationalReview.VAR_COUNTRY_ISO3;

    private RegionalReview() {
    }
}
