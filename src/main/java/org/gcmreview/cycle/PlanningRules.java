package org.gcmreview.cycle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The rules of a cycle's plan (issues 14.1 and 16.6), shared by scoping, "Change the plan" and "Re-plan the
 * consultation", and the plan proposed back from a regional round's submission deadline.
 * <p>Hard errors (nothing is stored): a date missing or not a date; a date before today; a date that has passed
 * changed; dates out of order (drafting due, consultation opens, closes, sign-off, endorsement, internal
 * submission); a consultation window shorter than {@code gcm.consultation.minimum-window}, because nothing may
 * open with less. Warnings (the plan is kept, the page says why it may not work): a date after the round's
 * submission deadline, and a proposal that the deadline leaves too little time for.
 */
@Component
class PlanningRules {

    /*
     * Default spacings, counted back from the round's submission deadline: a week's margin before the deadline
     * for the hand-over and a question from the secretariat; a week for the government to endorse; two weeks of
     * inter-ministerial sign-off (one round of changes); two weeks after the window closes to answer the inputs
     * and revise the draft; a four-week window (never shorter than the minimum); a week to consolidate the
     * contributions before the window opens.
     */
    static final int SUBMISSION_MARGIN_DAYS = 7;
    static final int ENDORSEMENT_DAYS = 7;
    static final int SIGN_OFF_DAYS = 14;
    static final int RESPONSE_DAYS = 14;
    static final int WINDOW_DAYS = 28;
    static final int CONSOLIDATION_DAYS = 7;

    /** A problem with one date: field (the milestone's form field), bundle key, arguments. */
    record Problem(String field, String key, Object... args) {
    }

    private final ConsultationPlan consultation;

    PlanningRules(ConsultationPlan consultation) {
        this.consultation = consultation;
    }

    long minimumWindowDays() {
        return consultation.minimumDays();
    }

    /** The plan counted back from a round's submission deadline with the default spacings. */
    CyclePlan proposal(LocalDate deadline, int reminderDays) {
        LocalDate internal = deadline.minusDays(SUBMISSION_MARGIN_DAYS);
        LocalDate endorsement = internal.minusDays(ENDORSEMENT_DAYS);
        LocalDate signOff = endorsement.minusDays(SIGN_OFF_DAYS);
        LocalDate closes = signOff.minusDays(RESPONSE_DAYS);
        LocalDate opens = closes.minusDays(Math.max(WINDOW_DAYS, minimumWindowDays()) - 1);
        LocalDate drafting = opens.minusDays(CONSOLIDATION_DAYS);
        return new CyclePlan(drafting, reminderDays, opens, closes, signOff, endorsement, internal);
    }

    /** The later milestones following from the window's closing with the default spacings (when left empty). */
    static LocalDate defaultAfter(Milestone milestone, LocalDate closes) {
        LocalDate signOff = closes.plusDays(RESPONSE_DAYS);
        LocalDate endorsement = signOff.plusDays(SIGN_OFF_DAYS);
        return switch (milestone) {
            case SIGN_OFF_DUE -> signOff;
            case ENDORSEMENT_DUE -> endorsement;
            case INTERNAL_SUBMISSION -> endorsement.plusDays(ENDORSEMENT_DAYS);
            default -> throw new IllegalArgumentException(milestone.name());
        };
    }

    /**
     * Reads the dates of a plan form, rejecting what is missing or not a date against its field.
     *
     * @param optional milestones that may be left empty (they are then absent from the result)
     */
    Map<Milestone, LocalDate> read(Map<Milestone, String> raw, List<Milestone> optional, Errors errors) {
        Map<Milestone, LocalDate> dates = new EnumMap<>(Milestone.class);
        for (Map.Entry<Milestone, String> e : raw.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().trim();
            String field = e.getKey().field();
            if (value.isEmpty()) {
                if (!optional.contains(e.getKey())) {
                    errors.rejectValue(field, "cycle.scope.error.missing", new Object[] {what(e.getKey())}, null);
                }
                continue;
            }
            try {
                dates.put(e.getKey(), LocalDate.parse(value));
            } catch (DateTimeParseException ex) {
                errors.rejectValue(field, "cycle.scope.error.notADate", new Object[] {what(e.getKey())}, null);
            }
        }
        return dates;
    }

    /**
     * The hard errors of a plan. {@code before} is the plan in force (null when scoping): only the dates that
     * differ from it must lie ahead, and a date of it that has passed cannot change, unless {@code movePassed}
     * (re-planning a window that has passed).
     */
    List<Problem> errors(Map<Milestone, LocalDate> plan, CyclePlan before, LocalDate today, boolean movePassed) {
        List<Problem> problems = new ArrayList<>();
        order(plan, Milestone.DRAFTING_DUE, Milestone.CONSULTATION_OPENS, "cycle.scope.error.consultationOpens",
                problems);
        order(plan, Milestone.CONSULTATION_OPENS, Milestone.CONSULTATION_CLOSES,
                "cycle.scope.error.consultationCloses", problems);
        order(plan, Milestone.CONSULTATION_CLOSES, Milestone.SIGN_OFF_DUE, "cycle.plan.error.signOffOrder", problems);
        order(plan, Milestone.SIGN_OFF_DUE, Milestone.ENDORSEMENT_DUE, "cycle.plan.error.endorsementOrder",
                problems);
        order(plan, Milestone.ENDORSEMENT_DUE, Milestone.INTERNAL_SUBMISSION, "cycle.plan.error.submissionOrder",
                problems);
        for (Map.Entry<Milestone, LocalDate> e : plan.entrySet()) {
            Milestone m = e.getKey();
            boolean changed = before == null || !e.getValue().equals(before.date(m));
            if (!changed) {
                continue;
            }
            if (before != null && !movePassed && before.date(m).isBefore(today)) {
                problems.add(new Problem(m.field(), "cycle.plan.error.passed", before.date(m)));
            } else if (e.getValue().isBefore(today)) {
                problems.add(new Problem(m.field(), m == Milestone.DRAFTING_DUE ? "cycle.scope.error.dueInPast"
                        : m == Milestone.CONSULTATION_OPENS ? "cycle.scope.error.consultationOpensPast"
                        : "cycle.plan.error.past"));
            }
        }
        LocalDate opens = plan.get(Milestone.CONSULTATION_OPENS);
        LocalDate closes = plan.get(Milestone.CONSULTATION_CLOSES);
        if (opens != null && closes != null && !closes.isBefore(opens)
                && ConsultationPlan.days(opens, closes) < minimumWindowDays()) {
            problems.add(new Problem(Milestone.CONSULTATION_CLOSES.field(), "cycle.plan.error.windowTooShort",
                    minimumWindowDays(), ConsultationPlan.days(opens, closes)));
        }
        return problems;
    }

    /** What may make the plan miss: dates after the round's deadline, or (for a proposal) already passed. */
    List<Problem> warnings(CyclePlan plan, LocalDate roundDeadline, LocalDate today, boolean proposal) {
        List<Problem> warnings = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            LocalDate date = plan.date(m);
            if (roundDeadline != null && date.isAfter(roundDeadline)) {
                warnings.add(new Problem(m.field(), "cycle.plan.warning.afterDeadline", date, roundDeadline));
            }
        }
        if (proposal && plan.draftingDue().isBefore(today)) {
            warnings.add(new Problem(Milestone.DRAFTING_DUE.field(), "cycle.plan.warning.tooLittleTime",
                    roundDeadline));
        }
        if (proposal && ConsultationPlan.days(plan.consultationOpens(), plan.consultationCloses()) < minimumWindowDays()) {
            warnings.add(new Problem(Milestone.CONSULTATION_CLOSES.field(), "cycle.plan.warning.windowTooShort",
                    minimumWindowDays()));
        }
        return warnings;
    }

    private static void order(Map<Milestone, LocalDate> plan, Milestone first, Milestone then, String key,
            List<Problem> problems) {
        LocalDate a = plan.get(first);
        LocalDate b = plan.get(then);
        if (a != null && b != null && b.isBefore(a)) {
            problems.add(new Problem(then.field(), key));
        }
    }

    /** The name of a milestone's field in messages ({@code cycle.scope.what.<field>}), resolved by the binder. */
    private static org.springframework.context.MessageSourceResolvable what(Milestone m) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable("cycle.scope.what." + m.field());
    }
}
