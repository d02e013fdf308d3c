package org.gcmreview.consultation.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.consultation.ConsultationMessages;
import org.gcmreview.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinator's list of the country's organisations: pending ones to verify or reject. */
@Controller
class OrganisationVerificationController {

    private final OrganisationRegistry registry;
    private final ConsultationMessages messages;

    OrganisationVerificationController(OrganisationRegistry registry, ConsultationMessages messages) {
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping("/organisations")
    String list(CurrentUser user, Model model) {
        return show(user, model, Map.of(), Map.of());
    }

    @PostMapping("/organisations/{id}/verify")
    String verify(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        Organisation organisation = registry.verify(id, user);
        redirect.addFlashAttribute("flash", messages.get("consultation.organisations.verified", organisation.name()));
        return "redirect:/organisations";
    }

    @PostMapping("/organisations/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> error = registry.reject(id, reason, user);
        if (error.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(user, model, Map.of("reason-" + id, error.get()), Map.of("reason-" + id, reason == null ? "" : reason));
        }
        redirect.addFlashAttribute("flash", messages.get("consultation.organisations.rejected"));
        return "redirect:/organisations";
    }

    private String show(CurrentUser user, Model model, Map<String, String> errors, Map<String, String> values) {
        List<Organisation> all = registry.ofCountry(user);
        model.addAttribute("pending", all.stream().filter(o -> o.status() == OrganisationStatus.PENDING).toList());
        model.addAttribute("verified", all.stream().filter(o -> o.status() == OrganisationStatus.VERIFIED).toList());
        model.addAttribute("rejected", all.stream().filter(o -> o.status() == OrganisationStatus.REJECTED).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("reasonMax", OrganisationRegistry.REASON_MAX);
        return "consultation/organisation/list";
    }
}
