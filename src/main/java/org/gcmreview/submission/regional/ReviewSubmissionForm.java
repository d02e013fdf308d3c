package org.gcmreview.submission.regional;

import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.gcmreview.submission.SubmittedReports;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * regional-review, ReviewSubmission: the commission's secretariat reads the submitted version and either
 * acknowledges it or asks the country a question. The message is stored here; the status changes and the
 * national process hears of it in RequestClarification / AcknowledgeSubmission.
 */
@Component
class ReviewSubmissionForm implements TaskForm {

    static final int MESSAGE_MIN = 10;
    static final int MESSAGE_MAX = 4000;

    private final SubmittedReports reports;
    private final Submissions submissions;
    private final AuditLog audit;
    private final SubmissionMessages messages;

    ReviewSubmissionForm(SubmittedReports reports, Submissions submissions, AuditLog audit,
            SubmissionMessages messages) {
        this.messages = messages;
        this.reports = reports;
        this.submissions = submissions;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "review-submission";
    }

    @Override
    public String view() {
        return "submission/review-submission";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        reports.addTo(model, reports.forTask(task, user));
        model.addAttribute("messageMax", MESSAGE_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Submission submission = reports.forTask(task, user);
        String message = form.field("message");
        if (!"clarify".equals(form.action()) && !"acknowledge".equals(form.action())) {
            return TaskOutcome.invalid(Map.of("message", messages.get("submission.task.review.error.choose")));
        }
        boolean clarify = "clarify".equals(form.action());
        if (clarify && (message.length() < MESSAGE_MIN || message.length() > MESSAGE_MAX)) {
            return TaskOutcome.invalid(Map.of("message", messages.get("submission.task.review.error.question", MESSAGE_MIN,
                    MESSAGE_MAX)));
        }
        if (message.length() > MESSAGE_MAX) {
            return TaskOutcome.invalid(Map.of("message", messages.get("submission.task.review.error.length", MESSAGE_MAX)));
        }
        submissions.recordResponse(submission.id(), message.isEmpty() ? null : message, user.id());
        audit.record(AuditEntry.of(user.username(), clarify ? "SUBMISSION_CLARIFICATION_ASKED" : "SUBMISSION_ACCEPTED",
                submission.countryIso3(), "submission", submission.id(),
                "version " + submission.versionNo() + " in " + submission.roundCode()));
        return TaskOutcome.complete(Map.of("clarificationNeeded", clarify), clarify
                ? messages.get("submission.task.review.asked", submission.countryName())
                : messages.get("submission.task.review.acknowledged", submission.countryName()));
    }
}
