package org.gcmreview.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.MinistryAssignments;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator adds a contributing ministry to a cycle, or removes one, while the ministries draft (issue 14.2):
 * an added ministry gets the objectives chosen, their empty contributions and a drafting task of its own; a removed
 * one loses its drafting task (ended, not cancelled: see {@link DraftingBranches}) and its assignments, and gives its
 * objectives back to the coordinator, who writes every section at consolidation; what it drafted is kept. Either
 * way the change decides who signs off, has a reason, is audited and shown on the progress page. Only the country's
 * coordinator: another country's cycle is not found, a ministry is refused.
 */
@Controller
class ContributingMinistriesController {

    static final int REASON_MAX = 2000;

    /** A ministry to add, the objectives it is given and why. */
    record AddMinistry(@NotBlank(message = "drafting.ministries.error.ministry") String addMinistry,
            List<String> objectives,
            @NotBlank(message = "drafting.ministries.error.reason")
            @Size(max = REASON_MAX, message = "drafting.ministries.error.reasonTooLong") String addReason) {
    }

    /** A ministry to remove and why. */
    record RemoveMinistry(@NotBlank(message = "drafting.ministries.error.ministry") String removeMinistry,
            @NotBlank(message = "drafting.ministries.error.reason")
            @Size(max = REASON_MAX, message = "drafting.ministries.error.reasonTooLong") String removeReason) {
    }

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final MinistryAssignments assignments;
    private final Contributions contributions;
    private final DraftingBranches branches;
    private final AuditLog audit;
    private final FormBinder binder;
    private final DraftingMessages messages;

    ContributingMinistriesController(ReviewCycles cycles, Ministries ministries, MinistryAssignments assignments,
            Contributions contributions, DraftingBranches branches, AuditLog audit, FormBinder binder,
            DraftingMessages messages) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.assignments = assignments;
        this.contributions = contributions;
        this.branches = branches;
        this.audit = audit;
        this.binder = binder;
        this.messages = messages;
    }

    @GetMapping("/cycles/{cycleId}/contributing-ministries")
    String page(@PathVariable long cycleId, CurrentUser user, Model model) {
        return page(cycles.findSteerableInCountry(cycleId, user), model, new LinkedMultiValueMap<>(), Map.of());
    }

    @PostMapping("/cycles/{cycleId}/contributing-ministries/add")
    @Transactional
    String add(@PathVariable long cycleId, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.findSteerableInCountry(cycleId, user);
        List<Ministry> addable = addable(cycle);
        List<Integer> inScope = assignments.objectivesInScope(cycle.id());
        List<Integer> chosen = new ArrayList<>();
        Validator rules = Validator.forInstanceOf(AddMinistry.class, (form, errors) -> {
            if (!form.addMinistry().isEmpty() && find(addable, form.addMinistry()) == null) {
                errors.rejectValue("addMinistry", "drafting.ministries.error.notAddable");
            }
            for (String value : form.objectives()) {
                Integer number = number(value);
                if (number == null || !inScope.contains(number)) {
                    errors.rejectValue("objectives", "drafting.ministries.error.objectives");
                } else if (!chosen.contains(number)) {
                    chosen.add(number);
                }
            }
            if (chosen.isEmpty()) {
                errors.rejectValue("objectives", "drafting.ministries.error.objectives");
            }
        });
        FormBinder.Bound<AddMinistry> bound = binder.bind(AddMinistry.class, fields, rules);
        Map<String, String> errors = bound.valid() ? notDrafting(cycle) : binder.errors(bound);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(cycle, model, fields, errors);
        }
        Ministry ministry = find(addable, bound.value().addMinistry());
        cycles.lock(cycle.id());
        long id = assignments.add(cycle.id(), ministry, chosen, bound.value().addReason(), user.username());
        contributions.createForMinistry(cycle.id(), ministry.id());
        branches.add(cycle.processInstanceId(), ministry.group());
        audit.record(AuditEntry.of(user.username(), "CYCLE_MINISTRY_ADDED", cycle.countryIso3(),
                "cycle_ministry_change", id, ministry.code() + ", objectives " + chosen + ": "
                        + bound.value().addReason()));
        redirect.addFlashAttribute("flash", messages.get("drafting.ministries.added", ministry.name()));
        return "redirect:/cycles/" + cycle.id() + "/contributing-ministries";
    }

    @PostMapping("/cycles/{cycleId}/contributing-ministries/remove")
    @Transactional
    String remove(@PathVariable long cycleId, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.findSteerableInCountry(cycleId, user);
        List<Ministry> taking = ministries.findInCycle(cycle.id());
        Validator rules = Validator.forInstanceOf(RemoveMinistry.class, (form, errors) -> {
            if (form.removeMinistry().isEmpty()) {
                return;
            }
            if (find(taking, form.removeMinistry()) == null) {
                errors.rejectValue("removeMinistry", "drafting.ministries.error.notRemovable");
            } else if (taking.size() < 2) {
                errors.rejectValue("removeMinistry", "drafting.ministries.error.last");
            }
        });
        FormBinder.Bound<RemoveMinistry> bound = binder.bind(RemoveMinistry.class, fields, rules);
        Map<String, String> errors = bound.valid() ? notDrafting(cycle) : binder.errors(bound);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(cycle, model, fields, errors);
        }
        Ministry ministry = find(taking, bound.value().removeMinistry());
        cycles.lock(cycle.id());
        List<Integer> objectives = assignments.objectivesOf(cycle.id(), ministry.id());
        long id = assignments.remove(cycle.id(), ministry, bound.value().removeReason(), user.username());
        branches.remove(cycle.processInstanceId(), ministry.group());
        audit.record(AuditEntry.of(user.username(), "CYCLE_MINISTRY_REMOVED", cycle.countryIso3(),
                "cycle_ministry_change", id, ministry.code() + ", objectives " + objectives
                        + " back to the coordinator: " + bound.value().removeReason()));
        redirect.addFlashAttribute("flash", messages.get("drafting.ministries.removed", ministry.name()));
        return "redirect:/cycles/" + cycle.id() + "/contributing-ministries";
    }

    /** Ministries change only while they draft: later, the report they would draft for is already being written. */
    private Map<String, String> notDrafting(ReviewCycle cycle) {
        return branches.drafting(cycle.processInstanceId()).isPresent() ? Map.of()
                : Map.of("form", messages.get("drafting.ministries.error.notDrafting"));
    }

    private List<Ministry> addable(ReviewCycle cycle) {
        List<Long> taking = ministries.findInCycle(cycle.id()).stream().map(Ministry::id).toList();
        return ministries.findActiveByCountry(cycle.countryIso3()).stream().filter(m -> !taking.contains(m.id()))
                .toList();
    }

    private static Ministry find(List<Ministry> among, String id) {
        return among.stream().filter(m -> String.valueOf(m.id()).equals(id)).findFirst().orElse(null);
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String page(ReviewCycle cycle, Model model, MultiValueMap<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("drafting", branches.drafting(cycle.processInstanceId()).isPresent());
        List<Ministry> taking = ministries.findInCycle(cycle.id());
        List<Ministry> addable = addable(cycle);
        model.addAttribute("taking", taking);
        model.addAttribute("addable", addable);
        // the fields' choices, value -> label (fields :: selectList, checkBoxes)
        model.addAttribute("takingOptions", options(taking));
        model.addAttribute("addableOptions", options(addable));
        Map<String, String> objectives = new LinkedHashMap<>();
        assignments.objectivesInScope(cycle.id()).forEach(n -> objectives.put(String.valueOf(n),
                messages.get("drafting.ministries.objective", String.valueOf(n))));
        model.addAttribute("objectives", objectives);
        model.addAttribute("chosenObjectives", values.getOrDefault("objectives", List.of()));
        model.addAttribute("changes", assignments.changes(cycle.id()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("reasonMax", REASON_MAX);
        return "report/contributing-ministries";
    }

    private static Map<String, String> options(List<Ministry> ministries) {
        Map<String, String> options = new LinkedHashMap<>();
        ministries.forEach(m -> options.put(String.valueOf(m.id()), m.name()));
        return options;
    }
}
