package org.gcmreview.submission.regional;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.Submissions;
import org.gcmreview.submission.SubmittedReports;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

/**
 * regional-review, ReviewSubmission: the commission's secretariat reads the submitted version and either
 * acknowledges it or asks the country a question. The message is stored here; the status changes and the
 * national process hears of it in RequestClarification / AcknowledgeSubmission. A question comes with the date
 * the answer is due (issue 14.2; {@code gcm.clarification.period} from today unless the secretariat picks another,
 * never a past one): the coordinator's answer task, its reminder and its escalations follow that date.
 */
@Component
class ReviewSubmissionForm implements TaskForm {

    static final int MESSAGE_MIN = 10;
    static final int MESSAGE_MAX = 4000;

    private final SubmittedReports reports;
    private final Submissions submissions;
    private final AuditLog audit;
    private final SubmissionMessages messages;
    private final FormBinder binder;
    private final Period clarificationPeriod;

    /** The secretariat's decision: which button, and the message (required with a question). */
    record Decision(
            @Pattern(regexp = "acknowledge|clarify", message = "submission.task.review.error.choose") String action,
            @Size(max = MESSAGE_MAX, message = "submission.task.review.error.length") String message,
            String answerBy) {

        boolean clarify() {
            return "clarify".equals(action);
        }
    }

    /** A question must say something: its length depends on the button. */
    private static final Validator QUESTION = Validator.forInstanceOf(Decision.class, (d, errors) -> {
        if (d.clarify() && d.message().length() < MESSAGE_MIN) {
            errors.rejectValue("message", "submission.task.review.error.question",
                    new Object[] {MESSAGE_MIN, MESSAGE_MAX}, null);
        }
        if (d.clarify() && !d.answerBy().isEmpty()) {
            LocalDate answerBy = date(d.answerBy());
            if (answerBy == null) {
                errors.rejectValue("answerBy", "submission.task.review.error.answerByDate");
            } else if (answerBy.isBefore(LocalDate.now(ZoneOffset.UTC))) {
                errors.rejectValue("answerBy", "submission.task.review.error.answerByPast");
            }
        }
    });

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    ReviewSubmissionForm(SubmittedReports reports, Submissions submissions, AuditLog audit,
            SubmissionMessages messages, FormBinder binder,
            @Value("${gcm.clarification.period:P14D}") String clarificationPeriod) {
        this.clarificationPeriod = Period.parse(clarificationPeriod);
        this.messages = messages;
        this.binder = binder;
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
        model.addAttribute("answerByDefault", defaultAnswerBy().toString());
        model.addAttribute("answerByMin", LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Submission submission = reports.forTask(task, user);
        FormBinder.Bound<Decision> bound = binder.bind(Decision.class, form.fields(), QUESTION);
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        String message = bound.value().message();
        boolean clarify = bound.value().clarify();
        submissions.recordResponse(submission.id(), message.isEmpty() ? null : message, user.id());
        audit.record(AuditEntry.of(user.username(), clarify ? "SUBMISSION_CLARIFICATION_ASKED" : "SUBMISSION_ACCEPTED",
                submission.countryIso3(), "submission", submission.id(),
                "version " + submission.versionNo() + " in " + submission.roundCode()));
        Map<String, Object> variables = new HashMap<>();
        variables.put("clarificationNeeded", clarify);
        if (clarify) {
            // the end of the day asked for (UTC, as every due date); RequestClarification sends it on
            LocalDate answerBy = bound.value().answerBy().isEmpty() ? defaultAnswerBy() : date(bound.value().answerBy());
            variables.put(NationalReview.VAR_CLARIFICATION_ANSWER_BY,
                    Date.from(answerBy.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC)));
        }
        return TaskOutcome.complete(variables, clarify
                ? messages.get("submission.task.review.asked", submission.countryName())
                : messages.get("submission.task.review.acknowledged", submission.countryName()));
    }

    private LocalDate defaultAnswerBy() {
        return LocalDate.now(ZoneOffset.UTC).plus(clarificationPeriod);
    }
}
