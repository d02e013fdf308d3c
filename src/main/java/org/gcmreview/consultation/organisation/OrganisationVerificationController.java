package org.gcmreview.consultation.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.consultation.ConsultationMessages;
import jakarta.validation.constraints.Size;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
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
    private final FormBinder binder;

    /** The rejection form (issue 15.3): the reason is required, and as long as the message says at most. */
    record Rejection(@Size(max = OrganisationRegistry.REASON_MAX, message = "consultation.organisations.error.reason")
                     String reason) {
    }

    private static final Validator REASON_GIVEN = Validator.forInstanceOf(Rejection.class, (rejection, errors) -> {
        if (rejection.reason().isEmpty()) {
            errors.rejectValue("reason", "consultation.organisations.error.reason",
                    new Object[] {OrganisationRegistry.REASON_MAX}, null);
        }
    });

    OrganisationVerificationController(OrganisationRegistry registry, ConsultationMessages messages,
            FormBinder binder) {
        this.binder = binder;
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
    String reject(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String reason = fields.getFirst("reason");
        FormBinder.Bound<Rejection> form = binder.bind(Rejection.class, fields, REASON_GIVEN);
        // the organisation is checked first (another country's: not found), then the form; nothing stored on error
        Optional<String> error = form.valid() ? registry.reject(id, form.value().reason(), user)
                : registry.rejectable(id, user).map(o -> binder.errors(form).get("reason"));
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
