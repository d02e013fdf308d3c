package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.attachment.OwnerKind;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.reference.GuidingPrinciple;
import org.gcmreview.reference.Objective;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The coordinator's editor of the report's sections, with the ministries' contributions for each objective
 * beside it. One class serves every task where the coordinator works on the text (consolidation, revision
 * after consultation, revision after a sign-off round); they differ in wording and in what is shown as
 * context, which subclasses add through {@link #addContext}. "Save" keeps the task open, "Send on" completes
 * it; sending on needs every section written and every objective section's status given. Each section takes
 * evidence files ({@code evidence-<id>}, multipart), stored only when the whole form is accepted.
 * <p>Larger than 250 lines on purpose: the base of three task forms, with the whole report's prepare/submit (one page
 * or section by section for a long report) in one place so the three cannot drift apart.
 */
public abstract class ReportEditingForm implements TaskForm {

    public static final String SAVE = "save";
    public static final String SEND = "send";
    /**
     * Up to this many objective sections the whole report is edited on one page; a larger report (up to 23
     * objectives) shows a table of contents and one section at a time ({@code ?section=<id>}), so that pages
     * stay light whatever the ministries wrote.
     */
    static final int ONE_PAGE_OBJECTIVES = 6;

    private final ReportEditorParts parts;

    protected ReportEditingForm(ReportEditorParts parts) {
        this.parts = parts;
    }

    @Override
    public String view() {
        return CheckAnswers.checking() ? "report/check-report" : "report/edit-report";
    }

    /** Message key of what the page says about this stage, shown under the task heading. */
    protected abstract String purposeKey();

    /** Message key of the label of the button that completes the task. */
    protected abstract String sendLabelKey();

    /** Audit action written when the task is completed. */
    protected abstract String sentAction();

    /** Extra context for the page (e.g. the change requests of the last sign-off round). */
    protected void addContext(ReviewCycle cycle, Model model) {
    }

    /** Sections a large report shows with their editors before any is chosen (e.g. those a ministry named). */
    protected Set<Long> shownFirst(ReviewCycle cycle) {
        return Set.of();
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = parts.cycles.findSteerable(task.cycleId(), user);
        List<ReportSection> report = parts.sections.forCycle(cycle.id());
        Map<Integer, List<Contribution>> byObjective = parts.contributions.forCycle(cycle.id()).stream()
                .collect(Collectors.groupingBy(Contribution::objectiveNumber, LinkedHashMap::new,
                        Collectors.toList()));
        boolean large = report.stream().filter(ReportSection::objective).count() > ONE_PAGE_OBJECTIVES;
        Long chosen = chosenSection(report);
        Set<Long> first = shownFirst(cycle);
        // null: every section has its editor on the page; otherwise only these (and any the last save refused)
        Set<Long> shown = chosen != null ? Set.of(chosen) : large ? first : null;
        model.addAttribute("cycle", cycle);
        model.addAttribute("sections", report);
        model.addAttribute("shownIds", shown);
        model.addAttribute("contents", shown == null ? null : report);
        model.addAttribute("chosenSection", chosen);
        model.addAttribute("firstIds", first.isEmpty() ? null : first);
        model.addAttribute("othersShown", shown == null || shown.stream().anyMatch(id -> !first.contains(id)));
        model.addAttribute("contributionsByObjective", byObjective);
        model.addAttribute("evidence", parts.evidence.of(OwnerKind.REPORT_SECTION,
                report.stream().map(ReportSection::id).toList(), user));
        model.addAttribute("contributionEvidence", parts.evidence.of(OwnerKind.CONTRIBUTION,
                byObjective.values().stream().flatMap(List::stream).map(Contribution::id).toList(), user));
        Map<Long, SectionContent> suggestions = suggestions(report, byObjective);
        model.addAttribute("suggestions", suggestions);
        Map<Long, SectionContent> tagged = tagged(report, suggestions, byObjective);
        model.addAttribute("tagged", tagged);
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("objectives", parts.reference.objectives().stream()
                .collect(Collectors.toMap(Objective::number, Function.identity())));
        model.addAttribute("unevidenced", unevidenced(report.stream()
                .map(s -> tagged.getOrDefault(s.id(), s.content())).toList(), report));
        model.addAttribute("purposeKey", purposeKey());
        model.addAttribute("sendLabelKey", sendLabelKey());
        // issue 16.2 and 16.5: comments beside each section and contribution, the sections as a task list
        model.addAttribute("commentsBySection", parts.comments.bySection(cycle.id()));
        model.addAttribute("commentsByContribution", parts.comments.byContribution(cycle.id(),
                byObjective.values().stream().flatMap(List::stream).map(Contribution::id).toList()));
        Set<Long> stillDrafting = stillDrafting(cycle);
        List<TaskListItem> taskList = report.stream().map(s -> new TaskListItem(s.id(), "toc-" + s.id(), s.title(),
                TaskStatus.of(s, byObjective.get(s.objectiveNumber()), stillDrafting),
                "/tasks/" + task.id() + (large ? "?section=" + s.id() : "") + "#section-" + s.id())).toList();
        model.addAttribute("taskList", taskList);
        // the last step, sending the report on towards sign-off, waits for every section (GOV.UK pattern)
        model.addAttribute("finalStep", new TaskListItem(0, "toc-check", parts.messages.get("tasklist.finalStep.report"),
                TaskStatus.finalStep(taskList), "/tasks/" + task.id() + "?check=1"));
        addContext(cycle, model);
    }

    @Override
    public Optional<TaskOutcome.Rearranged> rearrange(TaskSubmission form) {
        return IndicatorRows.added(form);
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = parts.cycles.findSteerable(task.cycleId(), user);
        boolean sending = SEND.equals(form.action());
        if (sending && !CheckAnswers.passed(form)) {
            return new TaskOutcome.CheckFirst(parts.messages.get("tasklist.check.requiredReport"));
        }
        List<ReportSection> report = parts.sections.forCycle(cycle.id());
        boolean large = report.stream().filter(ReportSection::objective).count() > ONE_PAGE_OBJECTIVES;
        Map<String, String> errors = new LinkedHashMap<>();
        List<FormEdit> edits = new ArrayList<>();
        Evidence.Chosen files = parts.evidence.chosen(form, report.stream().map(ReportSection::id).toList(), errors);
        for (ReportSection section : report) {
            Optional<FormEdit> edit = parts.edits.read(form, section.id(), section.objective(), section.title(),
                    errors);
            edit.ifPresent(edits::add);
            if (sending) {
                SectionContent after = edit.map(e -> e.over(section.content()).content()).orElse(section.content());
                // a long report names a section not on the page at its entry in the table of contents
                boolean onPage = edit.isPresent() || (!large && !CheckAnswers.checking());
                if (after.narrative().isEmpty()) {
                    errors.putIfAbsent(onPage ? "body-" + section.id() : "toc-" + section.id(),
                            parts.messages.get("report.error.sendUnwritten", section.title()));
                }
                if (section.objective() && !after.hasStatus()) {
                    errors.putIfAbsent(onPage ? "status-" + section.id() : "toc-" + section.id(),
                            parts.messages.get("report.error.sendWithoutStatus", section.title()));
                }
            }
        }
        List<GuidingPrinciple> unevidenced = List.of();
        if (sending && errors.isEmpty()) {
            unevidenced = unevidenced(report.stream().map(s -> edits.stream().filter(e -> e.id() == s.id())
                    .findFirst().map(e -> e.over(s.content()).content()).orElse(s.content())).toList(), report);
            // issue 16.4: warned, not blocked; the page that showed the warning asks the coordinator to confirm
            if (!unevidenced.isEmpty() && form.fields().containsKey("principlescheck")
                    && !"yes".equals(form.field("confirmUnevidenced"))) {
                errors.put("confirmUnevidenced", parts.messages.get("principles.unevidenced.error",
                        unevidenced.stream().map(p -> p.number() + ". " + p.name())
                                .collect(Collectors.joining("; "))));
            }
        }
        if (!errors.isEmpty()) {
            return TaskOutcome.invalid(files.notAttached(errors));
        }
        VersionedContent.Check check = parts.sections.check(edits);
        if (!check.clean()) {
            return TaskOutcome.invalid(files.notAttached(parts.edits.conflictErrors(check, id -> report.stream()
                    .filter(s -> s.id() == id).findFirst().map(s -> "\"" + s.title() + "\"")
                    .orElse(String.valueOf(id)))));
        }
        parts.sections.write(check, user.id());
        int attached = files.store(OwnerKind.REPORT_SECTION, cycle, user);
        if (!check.changes().isEmpty()) {
            parts.cycles.touch(cycle.id());
            parts.audit.record(AuditEntry.of(user.username(), "REPORT_SECTIONS_SAVED", cycle.countryIso3(),
                    "review_cycle", cycle.id(), check.changes().size() + " sections changed: " + check.changes()
                            .stream().map(e -> report.stream().filter(s -> s.id() == e.id()).findFirst()
                                    .map(s -> s.title() + principlesChange(s, e)).orElse("section " + e.id()))
                            .collect(Collectors.joining("; "))));
        }
        if (sending) {
            parts.audit.record(AuditEntry.of(user.username(), sentAction(), cycle.countryIso3(), "review_cycle",
                    cycle.id(), formKey() + (unevidenced.isEmpty() ? "" : ", guiding principles without evidence: "
                            + unevidenced.stream().map(p -> String.valueOf(p.number()))
                                    .collect(Collectors.joining(", ")))));
            return TaskOutcome.complete(Map.of(), parts.messages.get("report.flash.sent"));
        }
        return TaskOutcome.saved(parts.messages.get(check.changes().isEmpty() && attached == 0
                ? "report.flash.unchanged" : "report.flash.saved"));
    }

    /** For the audit trail: the principles a save tagged the section with, when it changed them (issue 16.4). */
    private static String principlesChange(ReportSection section, ContentEdit edit) {
        List<Integer> after = edit.content().principles();
        return after.equals(section.content().principles()) ? ""
                : " (guiding principles: " + (after.isEmpty() ? "none" : edit.content().principlesColumn()) + ")";
    }

    /** The guiding principles no objective section's content gives evidence for, in number order. */
    private List<GuidingPrinciple> unevidenced(List<SectionContent> contents, List<ReportSection> report) {
        Set<Integer> evidenced = new java.util.HashSet<>();
        for (int i = 0; i < report.size(); i++) {
            if (report.get(i).objective()) {
                evidenced.addAll(contents.get(i).principles());
            }
        }
        return parts.reference.guidingPrinciples().stream().filter(p -> !evidenced.contains(p.number())).toList();
    }

    /** The ministries of the cycle still drafting: taking part, and not gone on without at drafting. */
    private Set<Long> stillDrafting(ReviewCycle cycle) {
        Set<Long> absent = parts.absences.forCycle(cycle.id()).stream()
                .filter(a -> a.stage() == org.gcmreview.cycle.MinistryAbsences.Stage.DRAFTING)
                .map(org.gcmreview.cycle.MinistryAbsences.MinistryAbsence::ministryId).collect(Collectors.toSet());
        return parts.ministries.findInCycle(cycle.id()).stream().map(org.gcmreview.cycle.Ministry::id)
                .filter(id -> !absent.contains(id)).collect(Collectors.toSet());
    }

    /** The section asked for with {@code ?section=<id>}, if it is one of this report's. */
    private static Long chosenSection(List<ReportSection> report) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        String value = attributes.getRequest().getParameter("section");
        try {
            long id = Long.parseLong(value == null ? "" : value.trim());
            return report.stream().anyMatch(s -> s.id() == id) ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A starting point for objective sections nobody has written yet: the contributions of the ministries
     * merged, lead first, each text under its ministry's name, their indicators together, and the lead's
     * status, so consolidation starts from what was drafted.
     */
    static Map<Long, SectionContent> suggestions(List<ReportSection> report,
            Map<Integer, List<Contribution>> byObjective) {
        Map<Long, SectionContent> suggestions = new LinkedHashMap<>();
        for (ReportSection section : report) {
            List<Contribution> drafts = byObjective.getOrDefault(section.objectiveNumber(), List.of());
            if (!section.objective() || !section.content().isEmpty() || drafts.isEmpty()) {
                continue;
            }
            Set<Indicator> indicators = new LinkedHashSet<>();
            drafts.forEach(c -> indicators.addAll(c.content().indicators()));
            String status = drafts.stream().map(Contribution::status).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            suggestions.put(section.id(), new SectionContent(status,
                    merged(drafts, SectionContent::narrative), merged(drafts, SectionContent::measures),
                    merged(drafts, SectionContent::practices), merged(drafts, SectionContent::challenges),
                    indicators.stream().limit(Edits.MAX_INDICATORS).toList()));
        }
        return suggestions;
    }

    /**
     * What each objective section's guiding-principle boxes start from (issue 16.4): the section's own tags (or
     * its suggestion's) and every tag the ministries gave their contributions for the objective, so that the
     * ministries' tags flow into the report when the coordinator saves it; the coordinator can untick them.
     */
    static Map<Long, SectionContent> tagged(List<ReportSection> report, Map<Long, SectionContent> suggestions,
            Map<Integer, List<Contribution>> byObjective) {
        Map<Long, SectionContent> tagged = new LinkedHashMap<>();
        for (ReportSection section : report) {
            if (!section.objective()) {
                continue;
            }
            SectionContent shown = suggestions.getOrDefault(section.id(), section.content());
            Set<Integer> principles = new java.util.TreeSet<>(shown.principles());
            byObjective.getOrDefault(section.objectiveNumber(), List.of())
                    .forEach(c -> principles.addAll(c.content().principles()));
            tagged.put(section.id(), shown.withPrinciples(List.copyOf(principles)));
        }
        return tagged;
    }

    /** The principles the ministries' contributions add to what a section is tagged with now, for the page's hint. */
    static List<Integer> fromContributions(ReportSection section, SectionContent tagged) {
        return tagged.principles().stream().filter(p -> !section.content().principles().contains(p)).toList();
    }

    private static String merged(List<Contribution> drafts, Function<SectionContent, String> field) {
        return drafts.stream().filter(c -> !field.apply(c.content()).isEmpty())
                .map(c -> c.ministryName() + ":\n" + field.apply(c.content()))
                .collect(Collectors.joining("\n\n"));
    }
}
