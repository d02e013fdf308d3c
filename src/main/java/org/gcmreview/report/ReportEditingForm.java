package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.ui.Model;

/**
 * The coordinator's editor of the report's sections, with the ministries' contributions for each objective
 * beside it. One class serves every task where the coordinator works on the text (consolidation, revision
 * after consultation, revision after a sign-off round); they differ in wording and in what is shown as
 * context, which subclasses add through {@link #addContext}. "Save" keeps the task open, "Send on" completes
 * it; sending on needs every section written.
 */
public abstract class ReportEditingForm implements TaskForm {

    public static final String SAVE = "save";
    public static final String SEND = "send";

    private final ReviewCycles cycles;
    private final ReportSections sections;
    private final Contributions contributions;
    private final AuditLog audit;

    protected ReportEditingForm(ReviewCycles cycles, ReportSections sections, Contributions contributions,
            AuditLog audit) {
        this.cycles = cycles;
        this.sections = sections;
        this.contributions = contributions;
        this.audit = audit;
    }

    @Override
    public String view() {
        return "report/edit-report";
    }

    /** What the page says about this stage, shown under the task heading. */
    protected abstract String purpose();

    /** Label of the button that completes the task. */
    protected abstract String sendLabel();

    /** Audit action written when the task is completed. */
    protected abstract String sentAction();

    /** Extra context for the page (e.g. the change requests of the last sign-off round). */
    protected void addContext(ReviewCycle cycle, Model model) {
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        List<ReportSection> report = sections.forCycle(cycle.id());
        Map<Integer, List<Contribution>> byObjective = contributions.forCycle(cycle.id()).stream()
                .collect(Collectors.groupingBy(Contribution::objectiveNumber, LinkedHashMap::new,
                        Collectors.toList()));
        model.addAttribute("cycle", cycle);
        model.addAttribute("sections", report);
        model.addAttribute("contributionsByObjective", byObjective);
        model.addAttribute("suggestions", suggestions(report, byObjective));
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("purpose", purpose());
        model.addAttribute("sendLabel", sendLabel());
        addContext(cycle, model);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        boolean sending = SEND.equals(form.action());
        List<ReportSection> report = sections.forCycle(cycle.id());
        Map<String, String> errors = new LinkedHashMap<>();
        List<TextEdit> edits = new ArrayList<>();
        for (ReportSection section : report) {
            Optional<TextEdit> edit = Edits.read(form, section.id(), section.title(), errors);
            edit.ifPresent(edits::add);
            if (sending && edit.map(TextEdit::body).orElse(section.body()).isEmpty()) {
                errors.putIfAbsent("body-" + section.id(), "Write the section \"" + section.title()
                        + "\" before you send the report on.");
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        VersionedTexts.Check check = sections.check(edits);
        if (!check.clean()) {
            return TaskOutcome.invalid(Edits.conflictErrors(check, id -> report.stream().filter(s -> s.id() == id)
                    .findFirst().map(s -> "\"" + s.title() + "\"").orElse("this section")));
        }
        for (TextEdit change : check.changes()) {
            sections.write(change, user.id());
        }
        if (!check.changes().isEmpty()) {
            cycles.touch(cycle.id());
            audit.record(AuditEntry.of(user.username(), "REPORT_SECTIONS_SAVED", cycle.countryIso3(), "review_cycle",
                    cycle.id(), check.changes().size() + " sections changed: " + check.changes().stream()
                            .map(e -> report.stream().filter(s -> s.id() == e.id()).findFirst()
                                    .map(ReportSection::title).orElse("section " + e.id()))
                            .collect(Collectors.joining("; "))));
        }
        if (sending) {
            audit.record(AuditEntry.of(user.username(), sentAction(), cycle.countryIso3(), "review_cycle",
                    cycle.id(), formKey()));
            return TaskOutcome.complete(Map.of(), "The report has been sent on.");
        }
        return TaskOutcome.saved(check.changes().isEmpty() ? "Nothing had changed." : "Report saved.");
    }

    /**
     * A starting text for objective sections nobody has written yet: the contributions of the ministries,
     * lead first, each under its ministry's name, so consolidation starts from what was drafted.
     */
    private static Map<Long, String> suggestions(List<ReportSection> report,
            Map<Integer, List<Contribution>> byObjective) {
        Map<Long, String> suggestions = new LinkedHashMap<>();
        for (ReportSection section : report) {
            if (!section.objective() || !section.body().isEmpty()) {
                continue;
            }
            String merged = byObjective.getOrDefault(section.objectiveNumber(), List.of()).stream()
                    .filter(c -> !c.body().isEmpty())
                    .map(c -> c.ministryName() + ":\n" + c.body())
                    .collect(Collectors.joining("\n\n"));
            suggestions.put(section.id(), merged);
        }
        return suggestions;
    }
}
