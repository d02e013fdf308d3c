package org.gcmreview.cycle;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Change the plan" (issue 14.1), from the coordinator's cycle page: one form with every date of the plan (the
 * dates whose stage is over are shown, not offered), a reason, and the history of the changes. The country's
 * coordinator only: another country's cycle is not found, anyone else is refused.
 */
@Controller
class PlanController {

    private final ReviewCycles cycles;
    private final CyclePlans plans;
    private final PlanInForce inForce;
    private final PlanChanges changes;
    private final RunningPlan running;
    private final PlanningRules rules;
    private final PlanValidation validation;
    private final CycleMessages messages;

    PlanController(ReviewCycles cycles, CyclePlans plans, PlanInForce inForce, PlanChanges changes, RunningPlan running,
            PlanningRules rules, PlanValidation validation, CycleMessages messages) {
        this.cycles = cycles;
        this.plans = plans;
        this.inForce = inForce;
        this.changes = changes;
        this.running = running;
        this.rules = rules;
        this.validation = validation;
        this.messages = messages;
    }

    @GetMapping("/cycles/{id}/plan")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycle cycle = steerable(id, user);
        CyclePlan plan = inForce.ofScoped(cycle).orElse(null);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        if (plan != null) {
            plan.dates().forEach((m, d) -> values.add(m.field(), d.toString()));
        }
        return page(cycle, plan, values, Map.of(), model);
    }

    @PostMapping("/cycles/{id}/plan")
    String change(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = steerable(id, user);
        CyclePlan plan = inForce.ofScoped(cycle)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "The cycle has no plan yet"));
        fields.remove("_csrf");
        PlanChanges.Result result = changes.change(cycle, user, fields, false);
        if (!result.stored()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(cycle, plan, fields, result.errors(), model);
        }
        redirect.addFlashAttribute("flash", messages.get("cycle.plan.done"));
        return "redirect:/cycles/" + id + "/plan";
    }

    /** The cycle of the country's own coordinator; another country's cycle is not found (its id says nothing). */
    private ReviewCycle steerable(long id, CurrentUser user) {
        ReviewCycle cycle = cycles.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!user.belongsToCountry(cycle.countryIso3())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return cycles.findSteerable(id, user);
    }

    private String page(ReviewCycle cycle, CyclePlan plan, MultiValueMap<String, String> values,
            Map<String, String> errors, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("plan", plan);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("today", Deadlines.today());
        model.addAttribute("minimumWindowDays", rules.minimumWindowDays());
        model.addAttribute("reasonMax", PlanChanges.REASON_MAX);
        model.addAttribute("milestones", Milestone.values());
        model.addAttribute("changes", plans.changes(cycle.id()));
        Map<Milestone, Boolean> over = new EnumMap<>(Milestone.class);
        if (plan != null) {
            LocalDate today = Deadlines.today();
            for (Milestone m : Milestone.values()) {
                over.put(m, plan.date(m).isBefore(today) || running.reached(cycle, m));
            }
            LocalDate deadline = cycles.regionalDeadline(cycle.id()).orElse(null);
            model.addAttribute("roundDeadline", deadline);
            model.addAttribute("warnings", validation.messages(rules.warnings(plan, deadline, today, false)));
        }
        model.addAttribute("over", over);
        return "cycle/plan";
    }
}
