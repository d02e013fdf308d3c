package org.gcmreview.cycle;

import java.time.LocalDate;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.tasks.TaskForm;
import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.gcmreview.tasks.UserTask;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * "Re-plan the consultation" (issue 14.1): drafting or consolidation ran late and the planned window no longer
 * fits (it would open in the past, or leave less than the minimum window), so the process asks the coordinator
 * for new dates before it calls the consultation. The later dates may move with the window. The change is
 * recorded as any change of the plan, and the process checks the window again when the task is done.
 */
@Component
class ReplanConsultationForm implements TaskForm {

    private final ReviewCycles cycles;
    private final PlanInForce plans;
    private final PlanChanges changes;
    private final PlanningRules rules;
    private final CycleMessages messages;

    ReplanConsultationForm(ReviewCycles cycles, PlanInForce plans, PlanChanges changes, PlanningRules rules,
            CycleMessages messages) {
        this.cycles = cycles;
        this.plans = plans;
        this.changes = changes;
        this.rules = rules;
        this.messages = messages;
    }

    @Override
    public String formKey() {
        return "replan-consultation";
    }

    @Override
    public String view() {
        return "cycle/replan-consultation";
    }

    @Override
    public void prepare(UserTask task, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        // a cycle scoped before plans were kept gets one derived from its process (PlanInForce)
        CyclePlan plan = plans.of(cycle);
        LocalDate today = Deadlines.today();
        model.addAttribute("cycle", cycle);
        model.addAttribute("plan", plan);
        model.addAttribute("today", today);
        model.addAttribute("minimumWindowDays", rules.minimumWindowDays());
        model.addAttribute("reasonMax", PlanChanges.REASON_MAX);
        model.addAttribute("values", suggestion(plan, today, rules.minimumWindowDays()));
    }

    @Override
    public TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission form) {
        ReviewCycle cycle = cycles.findSteerable(task.cycleId(), user);
        PlanChanges.Result result = changes.change(cycle, user, form.fields(), true);
        if (!result.stored()) {
            return TaskOutcome.invalid(result.errors());
        }
        return TaskOutcome.complete(RunningPlan.variables(result.plan()), messages.get("cycle.replan.done",
                result.plan().consultationOpens().toString(), result.plan().consultationCloses().toString()));
    }

    /**
     * What the form proposes: the window opens today and lasts as planned but at least the minimum; the later
     * dates keep their distance from its closing.
     */
    static MultiValueMap<String, String> suggestion(CyclePlan plan, LocalDate today, long minimumDays) {
        long planned = ConsultationPlan.days(plan.consultationOpens(), plan.consultationCloses());
        LocalDate opens = plan.consultationOpens().isBefore(today) ? today : plan.consultationOpens();
        LocalDate closes = opens.plusDays(Math.max(planned, minimumDays) - 1);
        long shift = java.time.temporal.ChronoUnit.DAYS.between(plan.consultationCloses(), closes);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add(Milestone.DRAFTING_DUE.field(), plan.draftingDue().toString());
        values.add(Milestone.CONSULTATION_OPENS.field(), opens.toString());
        values.add(Milestone.CONSULTATION_CLOSES.field(), closes.toString());
        for (Milestone m : new Milestone[] {Milestone.SIGN_OFF_DUE, Milestone.ENDORSEMENT_DUE,
                Milestone.INTERNAL_SUBMISSION}) {
            LocalDate date = plan.date(m);
            values.add(m.field(), (shift > 0 ? date.plusDays(shift) : date).toString());
        }
        values.add("reason", "");
        return values;
    }
}
