package org.gcmreview.cycle;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * "Change the plan" (and "Re-plan the consultation", which sends the window's two dates and the others
 * unchanged): every date of the plan, and why it changes. Dates arrive as ISO text and are read by
 * {@link PlanningRules}.
 */
record PlanChangeForm(
        String draftingDue,
        String consultationOpens,
        String consultationCloses,
        String signOffDue,
        String endorsementDue,
        String internalSubmission,
        @NotBlank(message = "cycle.plan.error.reason")
        @Size(max = PlanChanges.REASON_MAX, message = "cycle.plan.error.reasonLength") String reason) {

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
