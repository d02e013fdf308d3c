package org.gcmreview.consultation.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.consultation.ConsultationMessages;
import org.gcmreview.consultation.RetryAfter;
import org.gcmreview.support.FormBinder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public registration of a stakeholder organisation and its contact's account. */
@Controller
class OrganisationRegistrationController {

    private final OrganisationRegistry registry;
    private final Organisations organisations;
    private final RetryAfter retryAfter;
    private final FormBinder forms;
    private final ConsultationMessages messages;

    OrganisationRegistrationController(OrganisationRegistry registry, Organisations organisations,
            RetryAfter retryAfter, FormBinder forms, ConsultationMessages messages) {
        this.registry = registry;
        this.organisations = organisations;
        this.retryAfter = retryAfter;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/organisations/register")
    String form(Model model) {
        return show(model, new LinkedMultiValueMap<>(), Map.of());
    }

    @PostMapping("/organisations/register")
    String register(@RequestParam MultiValueMap<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        FormBinder.Bound<Registration> form = forms.bind(Registration.class, fields, Registration.RULES);
        // never echo a password back into the page
        fields.remove("password");
        fields.remove("passwordRepeated");
        fields.remove("_csrf");
        try {
            Optional<OrganisationRegistry.Throttled> throttled = registry.countAttempt(request.getRemoteAddr())
                    .or(() -> registry.register(form, request.getRemoteAddr()));
            if (throttled.isPresent()) {
                String message = retryAfter.explain(throttled.get().retryAt(), response,
                        "consultation.register.error.rateLimited");
                return show(model, fields, Map.of("form", message));
            }
        } catch (RegistrationRefusedException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, fields, e.errors());
        } catch (UsernameUnavailableException e) {
            // answered as a registration: the form says nothing about which accounts exist
        }
        model.addAttribute("registration", form.value());
        return "consultation/organisation/registered";
    }

    private String show(Model model, MultiValueMap<String, String> values, Map<String, String> errors) {
        // code -> name in the lists' order, as the form's drop-down lists take them (fields :: selectList)
        model.addAttribute("countries", options(organisations.countries(), Organisations.Choice::name));
        model.addAttribute("types", options(organisations.stakeholderTypes(),
                t -> messages.typeName(t.code(), t.name())));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("nameMax", OrganisationRegistry.NAME_MAX);
        model.addAttribute("passwordMin", OrganisationRegistry.PASSWORD_MIN);
        return "consultation/organisation/register";
    }

    private static Map<String, String> options(List<Organisations.Choice> choices,
            Function<Organisations.Choice, String> label) {
        Map<String, String> options = new LinkedHashMap<>();
        choices.forEach(c -> options.put(c.code(), label.apply(c)));
        return options;
    }
}
