package org.gcmreview.cycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.support.FormBinder;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.Validator;

/**
 * "Scope the review": the reporting period, the objectives in scope, which ministries draft which objective
 * (one lead each, {@link ScopingChoices}), and the plan ({@link ScopingDates}): drafting due date and reminder,
 * consultation window, sign-off, endorsement and internal submission, proposed back from the regional round's
 * submission deadline (issue 16.6). Completing it stores the plan, creates the empty report and one contribution
 * per (ministry, objective), and hands the process the ministries and dates it runs on.
 */
@Component
class ScopeReviewForm implements TaskForm {

    static final int DEFAULT_REMINDER_DAYS = 7;
    static final int MAX_REMINDER_DAYS = 90;

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final ReferenceData reference;
    private final CycleScopes scopes;
    private final CyclePlans plans;
    private final ScopingChoices choices;
    private final PlanningRules rules;
    private final PlanValidation validation;
    private final FormBinder binder;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CycleMessages messages;

    ScopeReviewForm(ReviewCycles cycles, Ministries ministries, ReferenceData reference, CycleScopes scopes,
            CyclePlans plans, ScopingChoices choices, PlanningRules rules, PlanValidation validation,
            FormBinder binder, ApplicationEventPublisher events, AuditLog audit, CycleMessages messages) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.reference = reference;
        this.scopes = scopes;
        this.plans = plans;
        this.choices = choices;
        this.rules = rules;
        this.validation = validation;
        this.binder = binder;
        this.events = events;
        this.audit = audit;
        this.messages = messages;
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
        LocalDate today = Deadlines.today();
        model.addAttribute("cycle", cycle);
        model.addAttribute("objectives", reference.objectives());
        List<Ministry> active = ministries.findActiveByCountry(cycle.countryIso3());
        model.addAttribute("ministries", active);
        // id -> name, as the default lead's drop-down list takes them (fields :: selectList)
        Map<String, String> leads = new LinkedHashMap<>();
        active.forEach(m -> leads.put(String.valueOf(m.id()), m.name()));
        model.addAttribute("leadOptions", leads);
        model.addAttribute("defaultReminderDays", DEFAULT_REMINDER_DAYS);
        model.addAttribute("today", today);
        model.addAttribute("minimumWindowDays", rules.minimumWindowDays());
        LocalDate deadline = cycles.regionalDeadline(cycle.id()).orElse(null);
        model.addAttribute("roundDeadline", deadline);
        model.addAttribute("proposal", Map.of());
        model.addAttribute("warnings", Map.of());
        if (deadline != null) {
            // planning backwards (issue 16.6): the form proposes the plan, the coordinator may change every date
            CyclePlan proposal = rules.proposal(deadline, DEFAULT_REMINDER_DAYS);
            model.addAttribute("proposal", proposal.dates().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().field(), e -> e.getValue().toString())));
            model.addAttribute("warnings", validation.messages(rules.warnings(proposal, deadline, today, true)));
        }
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        LocalDate today = Deadlines.today();
        Map<String, String> errors = new LinkedHashMap<>();
        ScopingChoices.Choices chosen = choices.read(form, ministries.findActiveByCountry(cycle.countryIso3()),
                errors);
        CyclePlan[] plan = new CyclePlan[1];
        Validator dates = Validator.forInstanceOf(ScopingDates.class, (d, e) -> plan[0] = check(d, today, e));
        FormBinder.Bound<ScopingDates> bound = binder.bind(ScopingDates.class, form.fields(), dates);
        binder.errors(bound).forEach(errors::putIfAbsent);
        if (!errors.isEmpty() || plan[0] == null) {
            return TaskOutcome.invalid(errors);
        }
        if (!scopes.objectives(cycle.id()).isEmpty()) {
            throw new IllegalStateException("Cycle " + cycle.businessKey() + " has been scoped already");
        }
        ScopingDates d = bound.value();
        CycleScope scope = new CycleScope(LocalDate.parse(d.periodStart()), LocalDate.parse(d.periodEnd()),
                chosen.objectives(), chosen.ministries(), chosen.leads(), chosen.contributors(),
                plan[0].draftingDue(), plan[0].reminderDays(), plan[0].consultationOpens(),
                plan[0].consultationCloses());
        cycles.updateScope(cycle.id(), scope.periodStart(), scope.periodEnd(), scope.draftingDue());
        scopes.store(cycle.id(), scope);
        plans.store(cycle.id(), plan[0]);
        // the report module sets up the report's sections and the ministries' contributions, in this transaction
        events.publishEvent(new CycleScoped(cycle.id(), scope.objectives(),
                cycles.carriedFrom(cycle.id()).orElse(null), user.id(), user.username()));
        audit.record(AuditEntry.of(user.username(), "CYCLE_SCOPED", cycle.countryIso3(), "review_cycle", cycle.id(),
                "period " + scope.periodStart() + " to " + scope.periodEnd() + ", " + scope.objectives().size()
                        + " objectives, ministries " + scope.ministries().stream().map(Ministry::code)
                        .collect(Collectors.joining(", ")) + ", plan " + plan[0].dates()));

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(NationalReview.VAR_MINISTRY_GROUPS,
                new ArrayList<>(scope.ministries().stream().map(Ministry::group).toList()));
        variables.putAll(RunningPlan.variables(plan[0]));
        return TaskOutcome.complete(variables, messages.get("cycle.scope.done", scope.ministries().size()));
    }

    /** The cross-field rules of the dates; returns the plan when they hold. */
    private CyclePlan check(ScopingDates d, LocalDate today, org.springframework.validation.Errors errors) {
        Map<Milestone, String> raw = new LinkedHashMap<>(d.plan());
        List<Milestone> optional = List.of(Milestone.SIGN_OFF_DUE, Milestone.ENDORSEMENT_DUE,
                Milestone.INTERNAL_SUBMISSION);
        Map<Milestone, LocalDate> dates = rules.read(raw, optional, errors);
        LocalDate start = readPeriod(d.periodStart(), "periodStart", errors);
        LocalDate end = readPeriod(d.periodEnd(), "periodEnd", errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.rejectValue("periodEnd", "cycle.scope.error.periodOrder");
        }
        LocalDate closes = dates.get(Milestone.CONSULTATION_CLOSES);
        for (Milestone m : optional) {
            if (closes != null && !dates.containsKey(m) && raw.get(m).isBlank()) {
                dates.put(m, PlanningRules.defaultAfter(m, closes));
            }
        }
        validation.reject(rules.errors(dates, null, today, false), errors);

        Integer reminderDays = d.reminderDays().isEmpty() ? Integer.valueOf(DEFAULT_REMINDER_DAYS)
                : integer(d.reminderDays());
        LocalDate due = dates.get(Milestone.DRAFTING_DUE);
        if (reminderDays == null || reminderDays < 0 || reminderDays > MAX_REMINDER_DAYS) {
            errors.rejectValue("reminderDays", "cycle.scope.error.reminderRange", new Object[] {MAX_REMINDER_DAYS},
                    null);
            return null;
        }
        if (due != null && !due.isBefore(today) && due.minusDays(reminderDays).isBefore(today)) {
            if (reminderDays == DEFAULT_REMINDER_DAYS) {
                // the suggested week does not fit a shorter drafting period: remind on its first day instead
                reminderDays = (int) ChronoUnit.DAYS.between(today, due);
            } else {
                validation.reject(List.of(new PlanningRules.Problem("reminderDays", "cycle.scope.error.reminderInPast",
                        reminderDays, due)), errors);
            }
        }
        if (errors.hasErrors() || dates.size() < Milestone.values().length) {
            return null;
        }
        return CyclePlan.of(dates, reminderDays);
    }

    private static LocalDate readPeriod(String value, String field, org.springframework.validation.Errors errors) {
        Object what = new org.springframework.context.support.DefaultMessageSourceResolvable(
                "cycle.scope.what." + field);
        if (value.isEmpty()) {
            errors.rejectValue(field, "cycle.scope.error.missing", new Object[] {what}, null);
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            errors.rejectValue(field, "cycle.scope.error.notADate", new Object[] {what}, null);
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
}
