package org.gcmreview.consultation;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's view of the consultation: the window, the inputs so far, closing early or extending. */
@Controller
class ConsultationSteeringController {

    private final ReviewCycles cycles;
    private final Consultations consultations;
    private final ConsultationService service;

    ConsultationSteeringController(ReviewCycles cycles, Consultations consultations, ConsultationService service) {
        this.cycles = cycles;
        this.consultations = consultations;
        this.service = service;
    }

    @GetMapping("/cycles/{id}/consultation")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(id, user);
        model.addAttribute("cycle", cycle);
        consultations.windowOf(id).ifPresent(window -> {
            model.addAttribute("window", window);
            model.addAttribute("inputs", consultations.inputs(window.id()));
            model.addAttribute("extensions", consultations.extensions(window.id()));
        });
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "consultation/steer";
    }

    @PostMapping("/cycles/{id}/consultation/close")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            service.closeEarly(id, user);
            redirect.addFlashAttribute("flash", "The consultation window is closed. You can now record how each "
                    + "input was addressed (see My tasks).");
        } catch (ConsultationStateException e) {
            redirect.addFlashAttribute("flash", "Nothing was changed: " + e.getMessage());
        }
        return "redirect:/cycles/" + id + "/consultation";
    }

    @PostMapping("/cycles/{id}/consultation/extend")
    String extend(@PathVariable long id, @RequestParam(required = false) String closesOn,
            @RequestParam(required = false) String reason, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, String> errors = service.extend(id, user, closesOn, reason);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                model.addAttribute("closesOn", closesOn);
                model.addAttribute("reason", reason);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return show(id, user, model);
            }
            redirect.addFlashAttribute("flash", "The consultation window now closes at the end of " + closesOn
                    + " (UTC).");
        } catch (ConsultationStateException e) {
            redirect.addFlashAttribute("flash", "Nothing was changed: " + e.getMessage());
        }
        return "redirect:/cycles/" + id + "/consultation";
    }
}
