package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.attachment.OwnerKind;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Draft contribution": a ministry writes, per objective assigned to it (and only those), the implementation
 * status, the narrative, measures taken, practices, challenges and indicator values. "Save draft" keeps the
 * task open; "Submit contribution" completes it and needs a status and a narrative for every objective. The
 * fields are those of {@link Edits}, per contribution id, and {@code evidence-<id>} for evidence files (the form
 * is multipart). Files are checked with the rest of the form and stored with it, in its transaction: a refused
 * file, a refused field or a lock conflict stores nothing at all, and the page keeps what the user typed.
 */
@Component
class DraftContributionForm implements TaskForm {

    static final String SAVE = "save";
    static final String SUBMIT = "submit";

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final Contributions contributions;
    private final Edits edits;
    private final ReferenceData reference;
    private final Evidence evidence;
    private final DraftingMessages messages;
    private final AuditLog audit;
    private final Comments comments;

    DraftContributionForm(ReviewCycles cycles, Ministries ministries, Contributions contributions, Edits edits,
            ReferenceData reference, Evidence evidence, DraftingMessages messages, AuditLog audit,
            Comments comments) {
        this.comments = comments;
        this.cycles = cycles;
        this.ministries = ministries;
        this.contributions = contributions;
        this.edits = edits;
        this.reference = reference;
        this.evidence = evidence;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "draft-contribution";
    }

    @Override
    public String view() {
        return CheckAnswers.checking() ? "report/check-contribution" : "report/draft-contribution";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("ministry", ministry);
        List<Contribution> mine = contributions.forMinistry(cycle.id(), ministry.id());
        model.addAttribute("contributions", mine);
        model.addAttribute("evidence", evidence.of(OwnerKind.CONTRIBUTION, mine.stream().map(Contribution::id)
                .toList(), user));
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("objectives", reference.objectives().stream()
                .collect(Collectors.toMap(Objective::number, Function.identity())));
        // issue 16.2 and 16.5: the comments beside each objective, and the objectives as a task list
        model.addAttribute("commentsByContribution", comments.byContribution(cycle.id(),
                mine.stream().map(Contribution::id).toList()));
        List<TaskListItem> taskList = mine.stream().map(c -> new TaskListItem(c.id(), "toc-" + c.id(),
                messages.get("drafting.label.objectiveTitle", c.objectiveNumber(), c.objectiveTitle()),
                TaskStatus.of(c), "/tasks/" + task.id() + "#contribution-" + c.id())).toList();
        model.addAttribute("taskList", taskList);
        // the last step, checking and submitting, waits for every objective (GOV.UK pattern)
        model.addAttribute("finalStep", new TaskListItem(0, "toc-check", messages.get("tasklist.finalStep.contribution"),
                TaskStatus.finalStep(taskList), "/tasks/" + task.id() + "?check=1"));
    }

    @Override
    public Optional<TaskOutcome.Rearranged> rearrange(TaskSubmission form) {
        return IndicatorRows.added(form);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        Ministry ministry = ministries.requireOwnMinistry(task, user);
        ReviewCycle cycle = cycles.findVisible(task.cycleId(), user);
        boolean submitting = SUBMIT.equals(form.action());
        if (submitting && !CheckAnswers.passed(form)) {
            return new TaskOutcome.CheckFirst(messages.get("tasklist.check.required"));
        }
        // on the "check your answers" page an error links to the objective's row of the summary
        boolean checking = CheckAnswers.checking();
        // locked as they are read, in id order as every save of contributions locks them: the check of the edits
        // below then uses these rows instead of reading them a second time
        List<Contribution> mine = contributions.lockForMinistry(cycle.id(), ministry.id());

        Map<String, String> errors = new LinkedHashMap<>();
        List<FormEdit> changes = new ArrayList<>();
        Evidence.Chosen files = evidence.chosen(form, mine.stream().map(Contribution::id).toList(), errors);
        for (Contribution c : mine) {
            String label = messages.get("drafting.label.objective", c.objectiveNumber());
            Optional<FormEdit> edit = edits.read(form, c.id(), true, label, errors);
            edit.ifPresent(changes::add);
            if (submitting) {
                SectionContent after = edit.map(e -> e.over(c.content()).content()).orElse(c.content());
                if (!after.hasStatus()) {
                    errors.putIfAbsent((checking ? "toc-" : "status-") + c.id(),
                            messages.get("drafting.error.submitWithoutStatus", c.objectiveNumber()));
                }
                if (after.narrative().isEmpty()) {
                    errors.putIfAbsent((checking ? "toc-" : "body-") + c.id(),
                            messages.get("drafting.error.submitWithoutNarrative", c.objectiveNumber()));
                }
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(files.notAttached(errors));
        }
        VersionedContent.Check check = contributions.check(changes, mine);
        if (!check.clean()) {
            return TaskOutcome.invalid(files.notAttached(edits.conflictErrors(check, id -> mine.stream()
                    .filter(c -> c.id() == id).findFirst()
                    .map(c -> messages.get("drafting.label.objectiveLower", c.objectiveNumber()))
                    .orElse(String.valueOf(id)))));
        }
        contributions.write(check, user.id());
        int attached = files.store(OwnerKind.CONTRIBUTION, cycle, user);
        // the save's entry, then the submission's: written together, in that order
        List<AuditEntry> entries = new ArrayList<>();
        if (!check.changes().isEmpty()) {
            if (!submitting) {
                // a submission completes the task, and the completion touches the cycle (cycle.CycleStatusTracker)
                cycles.touch(cycle.id());
            }
            entries.add(AuditEntry.of(user.username(), "CONTRIBUTION_SAVED", cycle.countryIso3(), "review_cycle",
                    cycle.id(), ministry.code() + " changed " + describe(check.changes(), mine)));
        }
        if (submitting) {
            contributions.markSubmitted(cycle.id(), ministry.id());
            entries.add(AuditEntry.of(user.username(), "CONTRIBUTION_SUBMITTED", cycle.countryIso3(),
                    "review_cycle", cycle.id(), ministry.code() + " submitted " + mine.size() + " objectives"));
        }
        audit.recordAll(entries);
        if (submitting) {
            return TaskOutcome.complete(Map.of(), messages.get("drafting.flash.submitted"));
        }
        return TaskOutcome.saved(messages.get(check.changes().isEmpty() && attached == 0 ? "drafting.flash.unchanged"
                : "drafting.flash.saved"));
    }

    /** For the audit trail: which objectives changed, and in outline how. */
    private static String describe(List<ContentEdit> changes, List<Contribution> mine) {
        return changes.stream().map(e -> mine.stream().filter(c -> c.id() == e.id()).findFirst()
                        .map(c -> "objective " + c.objectiveNumber() + " (" + (e.content().status() == null
                                ? "no status" : e.content().status()) + ", narrative "
                                + e.content().narrative().length() + " characters, "
                                + e.content().indicators().size() + " indicators"
                                + (e.content().principles().equals(c.content().principles()) ? ""
                                        : ", guiding principles: " + (e.content().principles().isEmpty() ? "none"
                                                : e.content().principlesColumn())) + ")")
                        .orElse("contribution " + e.id()))
                .collect(Collectors.joining("; "));
    }
}
