package org.gcmreview.cycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;

/**
 * The coordinator changes dates of the plan (issue 14.1): any date that has not passed and whose stage is not
 * over, with a reason. Each changed date is recorded (who, when, from, to, why) and audited, and the running
 * processes follow: variables set, waiting timers and drafting tasks moved ({@link RunningPlan}).
 */
@Service
class PlanChanges {

    static final int REASON_MAX = 1000;

    /** The outcome: the errors (field -> message; empty when stored) and the plan in force after it. */
    record Result(Map<String, String> errors, CyclePlan plan) {
        boolean stored() {
            return errors.isEmpty();
        }
    }

    private final CyclePlans plans;
    private final PlanInForce inForce;
    private final PlanningRules rules;
    private final PlanValidation validation;
    private final RunningPlan running;
    private final FormBinder binder;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    PlanChanges(CyclePlans plans, PlanInForce inForce, PlanningRules rules, PlanValidation validation, RunningPlan running,
            FormBinder binder, ApplicationEventPublisher events, AuditLog audit) {
        this.plans = plans;
        this.inForce = inForce;
        this.rules = rules;
        this.validation = validation;
        this.running = running;
        this.binder = binder;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Checks the submitted plan against the plan in force and, when it holds, stores and applies it.
     *
     * @param replan true for the re-plan task: drafting is over and its date stays; the window's dates, which
     *        have passed or no longer leave the minimum window, move (and the later dates with them if need be)
     */
    @Transactional
    public Result change(ReviewCycle cycle, CurrentUser user, MultiValueMap<String, String> fields,
            boolean replan) {
        // a cycle scoped before plans were kept starts from the plan derived from its process; storing makes it real
        CyclePlan before = inForce.of(cycle);
        LocalDate today = Deadlines.today();
        CyclePlan[] after = new CyclePlan[1];
        Validator planRules = Validator.forInstanceOf(PlanChangeForm.class, (form, errors) -> {
            Map<Milestone, LocalDate> dates = rules.read(form.plan(), List.of(), errors);
            if (dates.size() < Milestone.values().length) {
                return;
            }
            CyclePlan plan = CyclePlan.of(dates, before.reminderDays());
            boolean changed = false;
            for (Milestone m : Milestone.values()) {
                if (plan.date(m).equals(before.date(m))) {
                    continue;
                }
                changed = true;
                if (replan && m == Milestone.DRAFTING_DUE) {
                    errors.rejectValue(m.field(), "cycle.plan.error.stageOver");
                } else if (!replan && running.reached(cycle, m)) {
                    errors.rejectValue(m.field(), "cycle.plan.error.stageOver");
                }
            }
            if (!changed && !replan) {
                errors.rejectValue(Milestone.DRAFTING_DUE.field(), "cycle.plan.error.nothingChanged");
            }
            if (replan && plan.consultationOpens().isBefore(today)) {
                // the window must fit now, or the process would ask again at once
                errors.rejectValue(Milestone.CONSULTATION_OPENS.field(), "cycle.scope.error.consultationOpensPast");
            }
            validation.reject(rules.errors(dates, before, today, replan), errors);
            after[0] = plan;
        });
        FormBinder.Bound<PlanChangeForm> bound = binder.bind(PlanChangeForm.class, fields, planRules);
        if (!bound.valid()) {
            return new Result(binder.errors(bound), before);
        }
        apply(cycle, user, before, after[0], bound.value().reason());
        return new Result(Map.of(), after[0]);
    }

    private void apply(ReviewCycle cycle, CurrentUser user, CyclePlan before, CyclePlan plan, String reason) {
        plans.store(cycle.id(), plan);
        for (Milestone m : Milestone.values()) {
            if (!plan.date(m).equals(before.date(m))) {
                plans.recordChange(cycle.id(), m, before.date(m), plan.date(m), reason, user.username());
                audit.record(AuditEntry.of(user.username(), "PLAN_DATE_CHANGED", cycle.countryIso3(), "review_cycle",
                        cycle.id(), m.name() + " from " + before.date(m) + " to " + plan.date(m) + ": " + reason));
            }
        }
        running.follow(cycle, before, plan);
        events.publishEvent(new CyclePlanChanged(cycle.id(), before, plan));
    }
}
