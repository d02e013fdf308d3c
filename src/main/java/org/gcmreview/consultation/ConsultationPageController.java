package org.gcmreview.consultation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The public announcement of a national consultation, and where verified stakeholder organisations of the
 * country send their inputs.
 */
@Controller
class ConsultationPageController {

    private final ReviewCycles cycles;
    private final Consultations consultations;
    private final ConsultationService service;

    ConsultationPageController(ReviewCycles cycles, Consultations consultations, ConsultationService service) {
        this.cycles = cycles;
        this.consultations = consultations;
        this.service = service;
    }

    @GetMapping("/consultations/{businessKey}")
    String page(@PathVariable String businessKey, @AuthenticationPrincipal SignedInUser signedIn, Model model) {
        ReviewCycle cycle = cycleWithWindow(businessKey);
        show(cycle, signedIn == null ? null : signedIn.user(), model, new LinkedMultiValueMap<>(), Map.of());
        return "consultation/public";
    }

    @PostMapping("/consultations/{businessKey}/inputs")
    String submit(@PathVariable String businessKey, @RequestParam MultiValueMap<String, String> fields,
            CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = cycleWithWindow(businessKey);
        ConsultationService.InputResult result = service.submitInput(cycle, user, new ConsultationService.InputRequest(
                fields.getFirst("target"), fields.getFirst("body"), fields.getFirst("language"),
                fields.getFirst("idempotencyKey")));
        if (result instanceof ConsultationService.InputResult.Received received) {
            redirect.addFlashAttribute("receipt", received.reference());
            redirect.addFlashAttribute("flash", "Thank you. Your input was received with reference number "
                    + received.reference() + ".");
            return "redirect:/consultations/" + businessKey;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (result instanceof ConsultationService.InputResult.Invalid invalid) {
            errors.putAll(invalid.errors());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else if (result instanceof ConsultationService.InputResult.WindowClosed closed) {
            errors.put("form", closed.message());
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        fields.remove("_csrf");
        show(cycle, user, model, fields, errors);
        return "consultation/public";
    }

    private void show(ReviewCycle cycle, CurrentUser user, Model model, MultiValueMap<String, String> values,
            Map<String, String> errors) {
        ConsultationWindow window = consultations.windowOf(cycle.id()).orElseThrow(ConsultationPageController::notFound);
        ConsultationService.Eligibility eligibility = service.eligibility(cycle, user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("window", window);
        model.addAttribute("accepting", window.acceptsInputs(Instant.now()));
        model.addAttribute("objectives", consultations.objectivesInScope(cycle.id()));
        model.addAttribute("sections", InputTarget.SECTION_ORDER.stream()
                .map(kind -> Map.entry(kind, InputTarget.sectionLabel(kind))).toList());
        model.addAttribute("languages", InputLanguages.ALL);
        model.addAttribute("eligibility", eligibility.name());
        model.addAttribute("myInputs", eligibility == ConsultationService.Eligibility.ELIGIBLE
                ? consultations.inputsBy(window.id(), user.id()) : List.of());
        String key = values.getFirst("idempotencyKey");
        model.addAttribute("idempotencyKey", key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("bodyMax", ConsultationService.BODY_MAX);
    }

    /** Only a consultation that has opened is announced; anything else does not exist here. */
    private ReviewCycle cycleWithWindow(String businessKey) {
        ReviewCycle cycle = cycles.findByBusinessKey(businessKey).orElseThrow(ConsultationPageController::notFound);
        consultations.windowOf(cycle.id()).orElseThrow(ConsultationPageController::notFound);
        return cycle;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no consultation with this name.");
    }
}
