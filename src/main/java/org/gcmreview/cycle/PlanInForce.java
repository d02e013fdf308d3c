package org.gcmreview.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.processes.NationalReview;
import org.springframework.stereotype.Component;

/**
 * The plan a change or a re-plan starts from (issue 14.1). Cycles scoped before plans were kept (db/V200) have no
 * {@code cycle_plan} row: their plan is then read back from what the running process was given at scoping (the
 * drafting due date, the window, the sign-off date) and the cycle's own drafting date; what neither knows follows
 * with the default spacings. The first change stores it, so from then on the cycle has a plan like any other.
 */
@Component
class PlanInForce {

    /** The drafting reminder of a derived plan (scoping's default). */
    static final int DEFAULT_REMINDER_DAYS = 7;

    private final CyclePlans plans;
    private final RuntimeService runtime;

    PlanInForce(CyclePlans plans, RuntimeService runtime) {
        this.plans = plans;
        this.runtime = runtime;
    }

    CyclePlan of(ReviewCycle cycle) {
        return plans.of(cycle.id()).orElseGet(() -> derived(cycle));
    }

    /** The plan of a cycle that has been scoped (its process was given a drafting due date); empty before. */
    java.util.Optional<CyclePlan> ofScoped(ReviewCycle cycle) {
        return plans.of(cycle.id()).or(() -> variables(cycle).containsKey(NationalReview.VAR_DRAFTING_DUE)
                ? java.util.Optional.of(derived(cycle)) : java.util.Optional.empty());
    }

    CyclePlan derived(ReviewCycle cycle) {
        Map<String, Object> v = variables(cycle);
        LocalDate today = Deadlines.today();
        LocalDate drafting = day(v.get(NationalReview.VAR_DRAFTING_DUE));
        if (drafting == null) {
            drafting = cycle.draftingDue() != null ? cycle.draftingDue() : today;
        }
        LocalDate opens = day(v.get(NationalReview.VAR_CONSULTATION_OPENS_AT));
        if (opens == null) {
            opens = drafting.plusDays(PlanningRules.CONSOLIDATION_DAYS);
        }
        LocalDate closes = day(v.get(NationalReview.VAR_CONSULTATION_CLOSES_AT));
        if (closes == null || closes.isBefore(opens)) {
            closes = opens.plusDays(PlanningRules.WINDOW_DAYS - 1);
        }
        LocalDate signOff = day(v.get(NationalReview.VAR_SIGN_OFF_DUE));
        if (signOff == null || signOff.isBefore(closes)) {
            signOff = PlanningRules.defaultAfter(Milestone.SIGN_OFF_DUE, closes);
        }
        LocalDate endorsement = signOff.plusDays(PlanningRules.SIGN_OFF_DAYS);
        return new CyclePlan(drafting, DEFAULT_REMINDER_DAYS, opens, closes, signOff, endorsement,
                endorsement.plusDays(PlanningRules.ENDORSEMENT_DAYS));
    }

    private Map<String, Object> variables(ReviewCycle cycle) {
        String instance = cycle.processInstanceId();
        if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
            return Map.of();
        }
        return runtime.getVariables(instance);
    }

    /** A timer variable as a day: a Date, or ISO 8601 text (the sign-off date is kept as text). */
    private static LocalDate day(Object value) {
        Instant at = null;
        if (value instanceof Date date) {
            at = date.toInstant();
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                at = Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
