package org.gcmreview.processes;

/**
 * imrf-review.bpmn: one instance per IMRF edition (business key e.g. {@code IMRF-2026}); started and fed like
 * regional-review, with the same variables. Constants named {@code MESSAGE_*} are message names.
 */
public final class ImrfReview {

    public static final String PROCESS = "imrf-review";

    public static final String MESSAGE_REPORT_SUBMITTED = "ReportSubmittedToImrf";
    /** As in regional-review: correlated with {@code localVariableEquals("submissionId", id)}. */
    public static final String MESSAGE_SUBMISSION_WITHDRAWN = RegionalReview.MESSAGE_SUBMISSION_WITHDRAWN;
    public static final String MESSAGE_SUBMISSION_RELEASED = RegionalReview.MESSAGE_SUBMISSION_RELEASED;

    /** Local to one submission's registration: when the registration task is due. */
    public static final String VAR_REGISTRATION_DUE = "registrationDue";

    public static final String SUBMISSION_UNDER_REGISTRATION = "SubmissionUnderRegistration";
    public static final String REGISTER_IMRF_SUBMISSION = "RegisterImrfSubmission";
    /** The secretariat prepares the forum and closes the edition. */
    public static final String CLOSE_IMRF_EDITION = "CloseImrfEdition";
    public static final String VAR_SUBMISSION_DEADLINE = RegionalReview.VAR_SUBMISSION_DEADLINE;
    public static final String REGISTRATION_REMINDER_TIMER = "RegistrationReminderTimer";
    public static final String REGISTRATION_OVERDUE_TIMER = "RegistrationOverdueTimer";

    private ImrfReview() {
    }
}
