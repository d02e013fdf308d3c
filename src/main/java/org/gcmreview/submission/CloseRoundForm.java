package org.gcmreview.submission;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.support.FormBinder;
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
    private final RoundClosing closing;

    /**
     * The closing's fixed fields (issue 15.3); the decision per country (decision-&lt;submission id&gt;) depends on
     * the round's open submissions, so it is read beside the record.
     */
    record Closing(@Size(max = NOTE_MAX, message = "submission.task.close.error.note") String note,
            @Pattern(regexp = "yes", message = "submission.task.close.error.confirm") String confirm) {
    }

    private final FormBinder binder;

    protected CloseRoundForm(ReviewRounds rounds, Submissions submissions, AuditLog audit,
            SubmissionMessages messages, RoundClosing closing, FormBinder binder) {
        this.binder = binder;
        this.closing = closing;
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
        model.addAttribute("undecided", closing.undecided(round.id()));
        model.addAttribute("noteMax", NOTE_MAX);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewRound round = round(task, user);
        FormBinder.Bound<Closing> bound = binder.bind(Closing.class, form.fields());
        Map<String, String> errors = new LinkedHashMap<>(binder.errors(bound));
        String note = bound.value().note();
        // Countries between submission and acknowledgement: the secretariat decides for each, explicitly.
        Map<Long, RoundClosing.Decision> decisions = new LinkedHashMap<>();
        for (Submission open : closing.undecided(round.id())) {
            RoundClosing.Decision decision = RoundClosing.Decision.parse(form.field("decision-" + open.id()));
            if (decision == null) {
                errors.put("decision-" + open.id(), messages.get("submission.task.close.error.decision",
                        open.countryName()));
            } else {
                decisions.put(open.id(), decision);
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        rounds.close(round.id(), user.id(), note.isEmpty() ? null : note);
        boolean late = closing.apply(round, decisions, user.username(), user.id());
        audit.record(AuditEntry.of(user.username(), "ROUND_CLOSED", null, "review_round", round.id(), round.code()));
        return TaskOutcome.complete(Map.of(RegionalReview.VAR_LATE_REVIEWS, late),
                messages.get("submission.task.close.done", round.name()));
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
