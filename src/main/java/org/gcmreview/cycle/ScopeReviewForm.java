package org.gcmreview.cycle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.reference.Objective;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.gcmreview.web.Formats;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * "Scope the review": the reporting period, the objectives in scope, which ministries draft which objective
 * (one lead each), and the deadlines of drafting and consultation. Completing it creates the empty report and
 * one contribution per (ministry, objective), and hands the process the ministries and dates it runs on.
 */
@Component
class ScopeReviewForm implements TaskForm {

    static final int DEFAULT_REMINDER_DAYS = 7;
    static final int MAX_REMINDER_DAYS = 90;

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final ReferenceData reference;
    private final CycleScopes scopes;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CycleMessages messages;
    private final Formats formats;

    ScopeReviewForm(ReviewCycles cycles, Ministries ministries, ReferenceData reference, CycleScopes scopes,
            ApplicationEventPublisher events, AuditLog audit, CycleMessages messages,
            Formats formats) {
        this.messages = messages;
        this.formats = formats;
        this.cycles = cycles;
        this.ministries = ministries;
        this.reference = reference;
        this.scopes = scopes;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "scope-review";
    }

    @Override
    public String view() {
        return "cycle/scope-review";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("objectives", reference.objectives());
        model.addAttribute("ministries", ministries.findActiveByCountry(cycle.countryIso3()));
        model.addAttribute("defaultReminderDays", DEFAULT_REMINDER_DAYS);
        model.addAttribute("today", Deadlines.today());
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<CycleScope> parsed = parse(form, ministries.findActiveByCountry(cycle.countryIso3()), errors);
        if (parsed.isEmpty()) {
            return TaskOutcome.invalid(errors);
        }
        if (!scopes.objectives(cycle.id()).isEmpty()) {
            throw new IllegalStateException("Cycle " + cycle.businessKey() + " has been scoped already");
        }
        CycleScope scope = parsed.get();
        cycles.updateScope(cycle.id(), scope.periodStart(), scope.periodEnd(), scope.draftingDue());
        scopes.store(cycle.id(), scope);
        // the report module sets up the report's sections and the ministries' contributions, in this transaction
        events.publishEvent(new CycleScoped(cycle.id(), scope.objectives(),
                cycles.carriedFrom(cycle.id()).orElse(null), user.id(), user.username()));
        audit.record(AuditEntry.of(user.username(), "CYCLE_SCOPED", cycle.countryIso3(), "review_cycle", cycle.id(),
                "period " + scope.periodStart() + " to " + scope.periodEnd() + ", " + scope.objectives().size()
                        + " objectives, ministries " + scope.ministries().stream().map(Ministry::code)
                        .collect(Collectors.joining(", ")) + ", drafting due " + scope.draftingDue()));

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(NationalReview.VAR_MINISTRY_GROUPS, new ArrayList<>(scope.ministries().stream().map(Ministry::group).toList()));
        variables.put(NationalReview.VAR_DRAFTING_DUE, Deadlines.endOf(scope.draftingDue()));
        variables.put(NationalReview.VAR_DRAFTING_REMINDER_AT, Deadlines.morningOf(scope.reminderDate()));
        variables.put(NationalReview.VAR_CONSULTATION_OPENS_AT, Deadlines.startOf(scope.consultationOpens()));
        variables.put(NationalReview.VAR_CONSULTATION_CLOSES_AT, Deadlines.endOf(scope.consultationCloses()));
        return TaskOutcome.complete(variables, messages.get("cycle.scope.done", scope.ministries().size()));
    }

    /** Reads and checks the whole form; every problem is reported at once, against its field. */
    Optional<CycleScope> parse(TaskSubmission form, List<Ministry> countryMinistries, Map<String, String> errors) {
        LocalDate today = Deadlines.today();
        LocalDate periodStart = date(form, "periodStart", errors);
        LocalDate periodEnd = date(form, "periodEnd", errors);
        if (periodStart != null && periodEnd != null && !periodStart.isBefore(periodEnd)) {
            errors.put("periodEnd", messages.get("cycle.scope.error.periodOrder"));
        }

        Map<Integer, Objective> allObjectives = reference.objectives().stream()
                .collect(Collectors.toMap(Objective::number, Function.identity()));
        Set<Integer> objectiveNumbers = new TreeSet<>();
        for (String value : form.all("objectives")) {
            Integer n = integer(value);
            if (n == null || !allObjectives.containsKey(n)) {
                errors.put("objectives", messages.get("cycle.scope.error.objectiveUnknown"));
            } else {
                objectiveNumbers.add(n);
            }
        }
        if (form.all("objectives").isEmpty()) {
            errors.put("objectives", messages.get("cycle.scope.error.objectivesNone"));
        }

        Map<Long, Ministry> byId = countryMinistries.stream()
                .collect(Collectors.toMap(Ministry::id, Function.identity()));
        Set<Ministry> chosen = new LinkedHashSet<>();
        for (String value : form.all("ministries")) {
            Ministry m = ministry(value, byId);
            if (m == null) {
                errors.put("ministries", messages.get("cycle.scope.error.ministryUnknown"));
            } else {
                chosen.add(m);
            }
        }
        if (form.all("ministries").isEmpty()) {
            errors.put("ministries", messages.get("cycle.scope.error.ministriesNone"));
        }

        Ministry defaultLead = null;
        if (!form.field("defaultLead").isEmpty()) {
            defaultLead = ministry(form.field("defaultLead"), byId);
            if (defaultLead == null || !chosen.contains(defaultLead)) {
                errors.put("defaultLead", messages.get("cycle.scope.error.defaultLead"));
                defaultLead = null;
            }
        }
        Map<Integer, Ministry> leads = new TreeMap<>();
        Map<Integer, Set<Ministry>> contributors = new TreeMap<>();
        List<Integer> withoutLead = new ArrayList<>();
        for (int n : objectiveNumbers) {
            String field = "lead-" + n;
            Ministry lead = form.field(field).isEmpty() ? defaultLead : ministry(form.field(field), byId);
            if (lead == null && form.field(field).isEmpty()) {
                withoutLead.add(n);
            } else if (lead == null || !chosen.contains(lead)) {
                errors.put(field, messages.get("cycle.scope.error.leadNotContributing", String.valueOf(n)));
            } else {
                leads.put(n, lead);
            }
            Set<Ministry> others = new LinkedHashSet<>();
            for (String value : form.all("contributors-" + n)) {
                Ministry m = ministry(value, byId);
                if (m == null || !chosen.contains(m)) {
                    errors.put("contributors-" + n,
                            messages.get("cycle.scope.error.contributorNotChosen", String.valueOf(n)));
                } else if (!m.equals(lead)) {
                    others.add(m);
                }
            }
            contributors.put(n, others);
        }
        // no default lead and several objectives without one: one error at the default lead, not one per objective
        if (withoutLead.size() == 1) {
            errors.put("lead-" + withoutLead.get(0), messages.get("cycle.scope.error.leadMissing",
                    String.valueOf(withoutLead.get(0))));
        } else if (withoutLead.size() > 1 && !errors.containsKey("defaultLead")) {
            errors.put("defaultLead", messages.get("cycle.scope.error.defaultLeadMissing", withoutLead.size(),
                    withoutLead.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (!errors.containsKey("ministries")) {
            List<String> idle = chosen.stream()
                    .filter(m -> !leads.containsValue(m) && contributors.values().stream().noneMatch(s -> s.contains(m)))
                    .map(Ministry::name).toList();
            if (!idle.isEmpty() && leads.size() == objectiveNumbers.size()) {
                errors.put("ministries", messages.get("cycle.scope.error.idleMinistries", String.join(", ", idle)));
            }
        }

        // a due date lasts to the end of its day, so today is a possible (short) drafting period
        LocalDate draftingDue = date(form, "draftingDue", errors);
        if (draftingDue != null && draftingDue.isBefore(today)) {
            errors.put("draftingDue", messages.get("cycle.scope.error.dueInPast"));
        }
        String reminderField = form.field("reminderDays");
        Integer reminderDays = reminderField.isEmpty() ? Integer.valueOf(DEFAULT_REMINDER_DAYS)
                : integer(reminderField);
        if (reminderDays == null || reminderDays < 0 || reminderDays > MAX_REMINDER_DAYS) {
            errors.put("reminderDays", messages.get("cycle.scope.error.reminderRange", MAX_REMINDER_DAYS));
        } else if (draftingDue != null && !errors.containsKey("draftingDue")
                && draftingDue.minusDays(reminderDays).isBefore(today)) {
            if (reminderDays == DEFAULT_REMINDER_DAYS) {
                // the suggested week does not fit a shorter drafting period: remind on its first day instead
                reminderDays = (int) ChronoUnit.DAYS.between(today, draftingDue);
            } else {
                errors.put("reminderDays", messages.get("cycle.scope.error.reminderInPast", reminderDays,
                        formats.date(draftingDue)));
            }
        }

        // the window opens at the start of its first day and closes at the end of its last: one day is enough
        LocalDate opens = date(form, "consultationOpens", errors);
        LocalDate closes = date(form, "consultationCloses", errors);
        if (opens != null && draftingDue != null && opens.isBefore(draftingDue)) {
            errors.put("consultationOpens", messages.get("cycle.scope.error.consultationOpens"));
        } else if (opens != null && opens.isBefore(today)) {
            errors.put("consultationOpens", messages.get("cycle.scope.error.consultationOpensPast"));
        }
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.put("consultationCloses", messages.get("cycle.scope.error.consultationCloses"));
        }

        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        List<Objective> objectives = objectiveNumbers.stream().map(allObjectives::get).toList();
        List<Ministry> chosenInOrder = chosen.stream()
                .sorted(java.util.Comparator.comparing(Ministry::code)).toList();
        return Optional.of(new CycleScope(periodStart, periodEnd, objectives, chosenInOrder, leads, contributors,
                draftingDue, reminderDays, opens, closes));
    }

    /** A date field; what it is called in messages comes from cycle.scope.what.<field>. */
    private LocalDate date(TaskSubmission form, String field, Map<String, String> errors) {
        String value = form.field(field);
        String what = messages.get("cycle.scope.what." + field);
        if (value.isEmpty()) {
            errors.put(field, messages.get("cycle.scope.error.missing", what));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, messages.get("cycle.scope.error.notADate", what));
            return null;
        }
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Ministry ministry(String value, Map<Long, Ministry> byId) {
        try {
            return byId.get(Long.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
