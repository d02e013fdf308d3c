package org.gcmreview.submission;

import java.util.Map;

import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

/**
 * The main task of a round's process: the secretariat sees every submission of the round with its status and
 * closes the round (regional synthesis done / forum edition closed). After that the round accepts no report.
 */
public abstract class CloseRoundForm implements TaskForm {

    static final int NOTE_MAX = 10000;

    private final ReviewRounds rounds;
    private final Submissions submissions;
    private final AuditLog audit;
    private final SubmissionMessages messages;
    private final FormBinder binder;

    /** The closing note (optional) and the tick that confirms closing. */
    record Closing(@Size(max = NOTE_MAX, message = "submission.task.close.error.note") String note, String confirm) {
    }

    protected CloseRoundForm(ReviewRounds rounds, Submissions submissions, AuditLog audit,
            SubmissionMessages messages, FormBinder binder) {
        this.messages = messages;
        this.binder = binder;
        this.rounds = rounds;
        this.submissions = submissions;
        this.audit = audit;
    }

    @Override
    public String view() {
        return "submission/close-round";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewRound round = round(task, user);
        model.addAttribute("round", round);
        model.addAttribute("submissions", submissions.forRound(round.id()));
        model.addAttribute("noteMax", NOTE_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewRound round = round(task, user);
        int waiting = submissions.awaitingReview(round.id());
        // a round closes only when no report waits for review, and only when the secretariat confirms it
        Validator confirmed = Validator.forInstanceOf(Closing.class, (c, errors) -> {
            if (waiting > 0) {
                errors.rejectValue("confirm", "submission.task.close.error.waiting", new Object[] {waiting}, null);
            } else if (!"yes".equals(c.confirm())) {
                errors.rejectValue("confirm", "submission.task.close.error.confirm");
            }
        });
        FormBinder.Bound<Closing> bound = binder.bind(Closing.class, form.fields(), confirmed);
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        String note = bound.value().note();
        rounds.close(round.id(), user.id(), note.isEmpty() ? null : note);
        audit.record(AuditEntry.of(user.username(), "ROUND_CLOSED", null, "review_round", round.id(), round.code()));
        return TaskOutcome.complete(Map.of(), messages.get("submission.task.close.done", round.name()));
    }

    private ReviewRound round(UserTask task, CurrentUser user) {
        Number roundId = task.variable(RegionalReview.VAR_ROUND_ID, Number.class);
        if (roundId == null) {
            throw new IllegalStateException("Task " + task.id() + " has no roundId");
        }
        ReviewRound round = rounds.findById(roundId.longValue()).orElseThrow();
        SecretariatAccess.require(round, user);
        return round;
    }
}
