package org.gcmreview.consultation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's view of the consultation: preparing the window (what is open, individuals), the inputs so
 * far, closing early or extending.
 */
@Controller
class ConsultationSteeringController {

    private final ReviewCycles cycles;
    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final ConsultationService service;
    private final ConsultationMessages messages;

    ConsultationSteeringController(ReviewCycles cycles, ConsultationWindows windows,
            ConsultationInputs consultationInputs, ConsultationService service, ConsultationMessages messages) {
        this.cycles = cycles;
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.service = service;
        this.messages = messages;
    }

    static final int LATEST = 10;

    @GetMapping("/cycles/{id}/consultation")
    String show(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.findSteerable(id, user);
        model.addAttribute("cycle", cycle);
        ConsultationWindow window = windows.windowOf(id).orElse(null);
        model.addAttribute("window", window);
        model.addAttribute("canOpenNow", window != null && window.status() == WindowStatus.SCHEDULED
                && service.openingTimer(cycle).isPresent());
        OpenTargets open;
        if (window != null) {
            List<ConsultationInput> inputs = consultationInputs.inputs(window.id());
            model.addAttribute("inputs", inputs);
            // the newest few; the queue has them all
            List<ConsultationInput> latest = new ArrayList<>(inputs.subList(Math.max(0, inputs.size() - LATEST),
                    inputs.size()));
            Collections.reverse(latest);
            model.addAttribute("latest", latest);
            model.addAttribute("received", inputs.stream().filter(i -> i.status() == InputStatus.RECEIVED).count());
            model.addAttribute("published", inputs.stream().filter(ConsultationInput::published).count());
            model.addAttribute("hidden", inputs.stream().filter(ConsultationInput::hidden).count());
            model.addAttribute("extensions", windows.extensions(window.id()));
            model.addAttribute("allowIndividuals", window.allowIndividuals());
            open = windows.openTargets(window);
        } else {
            model.addAttribute("scheduled", service.scheduledDates(cycle).orElse(null));
            // the process has reached the consultation: the coordinator may open it before the planned date
            model.addAttribute("canOpenNow", service.openingTimer(cycle).isPresent());
            model.addAttribute("allowIndividuals", false);
            open = new OpenTargets(windows.objectivesInScope(cycle.id()), null);
        }
        // what the coordinator can open (value -> label, in order) and what is open now (fields :: checkBoxes)
        Map<String, String> targets = new LinkedHashMap<>();
        open.possible().forEach(t -> targets.put(t.value(), label(t, open)));
        model.addAttribute("targets", targets);
        model.addAttribute("openTargets", open.possible().stream().filter(open::isOpen).map(InputTarget::value)
                .toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "consultation/steer";
    }

    private String label(InputTarget target, OpenTargets open) {
        if (!target.isObjective()) {
            return messages.get("consultation.section." + target.sectionKind());
        }
        String title = open.objectivesInScope().stream().filter(o -> o.number() == target.objectiveNumber())
                .map(ConsultationWindows.ObjectiveInScope::shortTitle).findFirst().orElse("");
        return messages.get("consultation.target.objectiveTitled", target.objectiveNumber(), title);
    }

    @PostMapping("/cycles/{id}/consultation/settings")
    String settings(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, String> errors = service.saveSettings(id, user, fields);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return show(id, user, model);
            }
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.settingsSaved"));
        } catch (ConsultationStateException e) {
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.nothingChanged", e.getMessage()));
        }
        return "redirect:/cycles/" + id + "/consultation";
    }

    @PostMapping("/cycles/{id}/consultation/open")
    String openNow(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Map<String, String> errors = service.openNow(id, user, fields);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return show(id, user, model);
            }
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.openedNow"));
        } catch (ConsultationStateException e) {
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.nothingChanged", e.getMessage()));
        }
        return "redirect:/cycles/" + id + "/consultation";
    }

    @PostMapping("/cycles/{id}/consultation/close")
    String close(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            service.closeEarly(id, user);
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.closed"));
        } catch (ConsultationStateException e) {
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.nothingChanged", e.getMessage()));
        }
        return "redirect:/cycles/" + id + "/consultation";
    }

    @PostMapping("/cycles/{id}/consultation/extend")
    String extend(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String closesOn = fields.getFirst("closesOn") == null ? "" : fields.getFirst("closesOn").trim();
        try {
            Map<String, String> errors = service.extend(id, user, fields);
            if (!errors.isEmpty()) {
                model.addAttribute("errors", errors);
                model.addAttribute("closesOn", closesOn);
                model.addAttribute("reason", fields.getFirst("reason"));
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return show(id, user, model);
            }
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.extended", messages.isoDate(closesOn)));
        } catch (ConsultationStateException e) {
            redirect.addFlashAttribute("flash", messages.get("consultation.steer.nothingChanged", e.getMessage()));
        }
        return "redirect:/cycles/" + id + "/consultation";
    }
}
