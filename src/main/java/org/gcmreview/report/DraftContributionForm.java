package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Draft contribution": a ministry writes, per objective assigned to it, the implementation status and a
 * narrative. "Save draft" keeps the task open; "Submit contribution" completes it. Fields per contribution
 * {@code <id>}: {@code status-<id>}, {@code body-<id>} and the hidden {@code version-<id>} (optimistic lock).
 */
@Component
class DraftContributionForm implements TaskForm {

    static final String SAVE = "save";
    static final String SUBMIT = "submit";

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final Contributions contributions;
    private final AuditLog audit;

    DraftContributionForm(ReviewCycles cycles, Ministries ministries, Contributions contributions, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.contributions = contributions;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "draft-contribution";
    }

    @Override
    public String view() {
        return "report/draft-contribution";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("ministry", ministry);
        model.addAttribute("contributions", contributions.forMinistry(cycle.id(), ministry.id()));
        model.addAttribute("statuses", ImplementationStatus.values());
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        boolean submitting = SUBMIT.equals(form.action());
        List<Contribution> mine = contributions.forMinistry(cycle.id(), ministry.id());

        Map<String, String> errors = new LinkedHashMap<>();
        List<TextEdit> edits = new ArrayList<>();
        for (Contribution c : mine) {
            Optional<TextEdit> edit = Edits.read(form, c.id(), "Objective " + c.objectiveNumber(), errors);
            edit.ifPresent(edits::add);
            if (submitting) {
                String body = edit.map(TextEdit::body).orElse(c.body());
                String status = edit.isPresent() ? edit.get().status() : c.status();
                if (status == null) {
                    errors.putIfAbsent("status-" + c.id(), "Choose the implementation status of objective "
                            + c.objectiveNumber() + " before you submit.");
                }
                if (body.isEmpty()) {
                    errors.putIfAbsent("body-" + c.id(), "Describe what has been done on objective "
                            + c.objectiveNumber() + " before you submit.");
                }
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        VersionedTexts.Check check = contributions.check(edits);
        if (!check.clean()) {
            return TaskOutcome.invalid(Edits.conflictErrors(check, id -> mine.stream()
                    .filter(c -> c.id() == id).findFirst().map(c -> "objective " + c.objectiveNumber())
                    .orElse("this text")));
        }
        for (TextEdit change : check.changes()) {
            contributions.write(change, user.id());
        }
        if (!check.changes().isEmpty()) {
            cycles.touch(cycle.id());
            audit.record(AuditEntry.of(user.username(), "CONTRIBUTION_SAVED", cycle.countryIso3(), "review_cycle",
                    cycle.id(), ministry.code() + " changed " + describe(check.changes(), mine)));
        }
        if (submitting) {
            contributions.markSubmitted(cycle.id(), ministry.id());
            audit.record(AuditEntry.of(user.username(), "CONTRIBUTION_SUBMITTED", cycle.countryIso3(),
                    "review_cycle", cycle.id(), ministry.code() + " submitted " + mine.size() + " objectives"));
            return TaskOutcome.complete(Map.of(), "Your contribution has been submitted to the coordinator.");
        }
        return TaskOutcome.saved(check.changes().isEmpty() ? "Nothing had changed; your draft is as it was."
                : "Draft saved. You can come back to it until you submit.");
    }

    private static String describe(List<TextEdit> changes, List<Contribution> mine) {
        return changes.stream().map(e -> mine.stream().filter(c -> c.id() == e.id()).findFirst()
                        .map(c -> "objective " + c.objectiveNumber() + " (" + (e.status() == null ? "no status"
                                : e.status()) + ", " + e.body().length() + " characters)")
                        .orElse("contribution " + e.id()))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
