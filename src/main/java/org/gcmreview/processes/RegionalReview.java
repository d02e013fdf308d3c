package org.gcmreview.processes;

/**
 * regional-review.bpmn: one instance per regional round (business key: the round code). Constants named
 * {@code MESSAGE_*} are message names, {@code VAR_*} process variables, the rest activity ids.
 */
public final class RegionalReview {

    public static final String PROCESS = "regional-review";

    public static final String SUBMISSION_DEADLINE_TIMER = "SubmissionDeadlineTimer";
    /** The secretariat's synthesis, which closes the round. */
    public static final String PREPARE_REGIONAL_SYNTHESIS = "PrepareRegionalSynthesis";

    public static final String MESSAGE_NATIONAL_REPORT_SUBMITTED = "NationalReportSubmitted";
    /**
     * The country withdrew the submission: correlated with {@code localVariableEquals(VAR_SUBMISSION_ID, id)} (a
     * Long) to the round's instance; ends that submission's review. No match when it is not under review.
     */
    public static final String MESSAGE_SUBMISSION_WITHDRAWN = "SubmissionWithdrawn";
    /** The secretariat released the submission when closing the round; correlated like a withdrawal. */
    public static final String MESSAGE_SUBMISSION_RELEASED = "SubmissionReleased";
    /** The last country accepted late into a closed round is settled: the round's instance may end. */
    public static final String MESSAGE_LATE_REVIEWS_SETTLED = "LateReviewsSettled";

    /** One submission's review: the scope that holds VAR_SUBMISSION_ID locally. */
    public static final String SUBMISSION_UNDER_REVIEW = "SubmissionUnderReview";
    public static final String REVIEW_SUBMISSION = "ReviewSubmission";
    public static final String REVIEW_REMINDER_TIMER = "ReviewReminderTimer";
    public static final String REVIEW_OVERDUE_TIMER = "ReviewOverdueTimer";

    public static final String VAR_COMMISSION_CODE = "commissionCode";
    public static final String VAR_ROUND_ID = "roundId";
    public static final String VAR_SECRETARIAT_GROUP = "secretariatGroup";
    public static final String VAR_SUBMISSION_DEADLINE = "submissionDeadline";
    /** Local to one submission's review, like the next two: set when a national report comes in. */
    public static final String VAR_SUBMISSION_ID = "submissionId";
    public static final String VAR_NATIONAL_BUSINESS_KEY = "nationalBusinessKey";
    public static final String VAR_COUNTRY_ISO3 = NationalReview.VAR_COUNTRY_ISO3;
    /** Local to one submission's review: when the review task is due. */
    public static final String VAR_REVIEW_DUE = "reviewDue";
    /** Set when the secretariat closes the round: true when it accepted a country late. */
    public static final String VAR_LATE_REVIEWS = "lateReviews";

    private RegionalReview() {
    }
}
