package org.gcmreview.submission.imrf;

import java.util.Map;

import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.gcmreview.submission.SubmittedReports;
import org.gcmreview.support.FormBinder;
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
    private final FormBinder binder;

    /** The optional note the secretariat keeps with the registration. */
    record Registration(@Size(max = NOTE_MAX, message = "submission.task.close.error.note") String note) {
    }

    RegisterImrfSubmissionForm(SubmittedReports reports, Submissions submissions, AuditLog audit,
            SubmissionMessages messages, FormBinder binder) {
        this.messages = messages;
        this.binder = binder;
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
        FormBinder.Bound<Registration> bound = binder.bind(Registration.class, form.fields());
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        String note = bound.value().note();
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
