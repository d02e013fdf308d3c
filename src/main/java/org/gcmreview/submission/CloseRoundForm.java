package org.gcmreview.submission;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.ui.Model;

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

    protected CloseRoundForm(ReviewRounds rounds, Submissions submissions, AuditLog audit,
            SubmissionMessages messages) {
        this.messages = messages;
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
        Map<String, String> errors = new LinkedHashMap<>();
        String note = form.field("note");
        if (note.length() > NOTE_MAX) {
            errors.put("note", messages.get("submission.task.close.error.note", NOTE_MAX));
        }
        int waiting = submissions.awaitingReview(round.id());
        if (waiting > 0) {
            errors.put("confirm", messages.get("submission.task.close.error.waiting", waiting));
        } else if (!"yes".equals(form.field("confirm"))) {
            errors.put("confirm", messages.get("submission.task.close.error.confirm"));
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
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
