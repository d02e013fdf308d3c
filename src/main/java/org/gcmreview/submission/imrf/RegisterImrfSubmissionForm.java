package org.gcmreview.submission.imrf;

import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.gcmreview.submission.SubmittedReports;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** imrf-review, RegisterImrfSubmission: the IMRF secretariat registers a national report for the forum. */
@Component
class RegisterImrfSubmissionForm implements TaskForm {

    static final int NOTE_MAX = 4000;

    private final SubmittedReports reports;
    private final Submissions submissions;
    private final AuditLog audit;
    private final SubmissionMessages messages;

    RegisterImrfSubmissionForm(SubmittedReports reports, Submissions submissions, AuditLog audit,
            SubmissionMessages messages) {
        this.messages = messages;
        this.reports = reports;
        this.submissions = submissions;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "register-imrf-submission";
    }

    @Override
    public String view() {
        return "submission/register-imrf-submission";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        reports.addTo(model, reports.forTask(task, user));
        model.addAttribute("noteMax", NOTE_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Submission submission = reports.forTask(task, user);
        String note = form.field("note");
        if (note.length() > NOTE_MAX) {
            return TaskOutcome.invalid(Map.of("note", messages.get("submission.task.close.error.note", NOTE_MAX)));
        }
        if (submission.status() != SubmissionStatus.SUBMITTED) {
            return TaskOutcome.invalid(Map.of("note", messages.get("submission.task.register.error.status",
                    messages.get("submission.status." + submission.status().name()))));
        }
        submissions.recordResponse(submission.id(), note.isEmpty() ? null : note, user.id());
        submissions.updateStatus(submission.id(), SubmissionStatus.REGISTERED);
        audit.record(AuditEntry.of(user.username(), "IMRF_SUBMISSION_REGISTERED", submission.countryIso3(),
                "submission", submission.id(), "version " + submission.versionNo() + " in " + submission.roundCode()));
        return TaskOutcome.complete(Map.of(), messages.get("submission.task.register.done", submission.countryName(),
                submission.roundCode()));
    }
}
