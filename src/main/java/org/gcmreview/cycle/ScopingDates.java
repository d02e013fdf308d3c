package org.gcmreview.cycle;

import java.util.EnumMap;
import java.util.Map;

/**
 * The dates of the scoping form, bound by FormBinder: the reporting period, the drafting reminder and the plan.
 * Dates arrive as text (ISO, from {@code <input type="date">}) and are read by {@link PlanningRules}, so a
 * mistyped date is an error in the coordinator's words rather than a conversion failure. Sign-off, endorsement
 * and internal submission may be left empty: they then follow the window's closing with the default spacings.
 */
record ScopingDates(
        String periodStart,
        String periodEnd,
        String draftingDue,
        String reminderDays,
        String consultationOpens,
        String consultationCloses,
        String signOffDue,
        String endorsementDue,
        String internalSubmission) {

    Map<Milestone, String> plan() {
        Map<Milestone, String> plan = new EnumMap<>(Milestone.class);
        plan.put(Milestone.DRAFTING_DUE, draftingDue);
        plan.put(Milestone.CONSULTATION_OPENS, consultationOpens);
        plan.put(Milestone.CONSULTATION_CLOSES, consultationCloses);
        plan.put(Milestone.SIGN_OFF_DUE, signOffDue);
        plan.put(Milestone.ENDORSEMENT_DUE, endorsementDue);
        plan.put(Milestone.INTERNAL_SUBMISSION, internalSubmission);
        return plan;
    }
}
