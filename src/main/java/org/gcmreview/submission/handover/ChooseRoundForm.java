package org.gcmreview.submission.handover;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

/**
 * Issue 14.3: the report could not go because no round (or IMRF edition) was open. The coordinator ties the cycle
 * to one of the open ones, or waits: the process checks again every day, sooner when a round is added, and comes
 * back to this task while there is still none. The two kinds differ only in which rounds they offer.
 */
abstract class ChooseRoundForm implements TaskForm {

    static final String WAIT = NationalReview.RoundChoice.WAIT;

    private final RoundKind kind;
    private final ReviewCycles cycles;
    private final ReviewRounds rounds;
    private final AuditLog audit;
    private final SubmissionMessages messages;
    private final FormBinder binder;

    /** The choice: an open round's id, or "wait". */
    record Choice(@NotBlank(message = "submission.task.chooseRound.error.choice") String round) {
    }

    ChooseRoundForm(RoundKind kind, ReviewCycles cycles, ReviewRounds rounds, AuditLog audit,
            SubmissionMessages messages, FormBinder binder) {
        this.kind = kind;
        this.cycles = cycles;
        this.rounds = rounds;
        this.audit = audit;
        this.messages = messages;
        this.binder = binder;
    }

    @Override
    public String view() {
        return "submission/choose-round";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("kind", kind.name());
        model.addAttribute("openRounds", openRounds());
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        List<ReviewRound> open = openRounds();
        Validator offered = Validator.forInstanceOf(Choice.class, (choice, errors) -> {
            if (!choice.round().isEmpty() && !WAIT.equals(choice.round()) && find(open, choice.round()).isEmpty()) {
                errors.rejectValue("round", "submission.task.chooseRound.error.notOpen");
            }
        });
        FormBinder.Bound<Choice> bound = binder.bind(Choice.class, submission.fields(), offered);
        if (!bound.valid()) {
            return TaskOutcome.invalid(binder.errors(bound));
        }
        Optional<ReviewRound> chosen = find(open, bound.value().round());
        if (chosen.isEmpty()) {
            audit.record(AuditEntry.of(user.username(), kind + "_ROUND_WAITING", cycle.countryIso3(), "review_cycle",
                    cycle.id(), "the coordinator waits for an open round"));
            return TaskOutcome.complete(Map.of(NationalReview.VAR_ROUND_CHOICE, WAIT),
                    messages.get("submission.task.chooseRound.waiting"));
        }
        ReviewRound round = chosen.get();
        if (kind == RoundKind.REGIONAL) {
            cycles.assignRegionalRound(cycle.id(), round.id());
        } else {
            cycles.assignImrfEdition(cycle.id(), round.id());
        }
        audit.record(AuditEntry.of(user.username(), kind + "_ROUND_CHOSEN", cycle.countryIso3(), "review_cycle",
                cycle.id(), round.code()));
        return TaskOutcome.complete(Map.of(NationalReview.VAR_ROUND_CHOICE, NationalReview.RoundChoice.CHOSEN),
                messages.get("submission.task.chooseRound.chosen", round.name()));
    }

    /** The rounds of this kind not closed, the nearest deadline first. */
    private List<ReviewRound> openRounds() {
        return rounds.all().stream().filter(r -> r.kind() == kind && !r.closed())
                .sorted(java.util.Comparator.comparing(ReviewRound::submissionDeadline)).toList();
    }

    private static Optional<ReviewRound> find(List<ReviewRound> open, String id) {
        return open.stream().filter(r -> String.valueOf(r.id()).equals(id)).findFirst();
    }
}
