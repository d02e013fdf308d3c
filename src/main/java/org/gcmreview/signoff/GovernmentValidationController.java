package org.gcmreview.signoff;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.support.FormBinder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Validation by the government, per country (issue 14.4): the coordinator switches it on for their own country
 * (/country/**), an administrator for any (/admin/**), naming the cabinet or minister group, and names which
 * accounts of the country's team belong to that group (they are offered "Validate the endorsed report"). Another
 * country's account is not found. Every change is audited.
 */
@Controller
class GovernmentValidationController {

    static final int GROUP_NAME_MAX = 200;

    /** On (with the group's name) or off. */
    record SettingForm(@Pattern(regexp = "on|off", message = "government.error.action") String action,
            @Size(max = GROUP_NAME_MAX, message = "government.error.groupNameTooLong") String groupName) {
    }

    private static final Validator NAME_WHEN_ON = Validator.forInstanceOf(SettingForm.class, (f, errors) -> {
        if ("on".equals(f.action()) && f.groupName().isEmpty()) {
            errors.rejectValue("groupName", "government.error.groupName");
        }
    });

    private final GovernmentValidation government;
    private final UserAccountRepository accounts;
    private final ReferenceData reference;
    private final FormBinder binder;
    private final AuditLog audit;
    private final MessageSource messages;

    GovernmentValidationController(GovernmentValidation government, UserAccountRepository accounts,
            ReferenceData reference, FormBinder binder, AuditLog audit, MessageSource messages) {
        this.government = government;
        this.accounts = accounts;
        this.reference = reference;
        this.binder = binder;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/country/government-validation")
    String country(CurrentUser user, Model model) {
        return page(user.countryIso3(), "/country/government-validation", new LinkedMultiValueMap<>(), Map.of(),
                model);
    }

    @PostMapping("/country/government-validation")
    String setForCountry(@RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return set(user.countryIso3(), "/country/government-validation", fields, user, model, response, redirect);
    }

    @PostMapping("/country/government-validation/members/{userId}")
    String memberForCountry(@PathVariable long userId, @RequestParam(required = false) String member,
            CurrentUser user, RedirectAttributes redirect) {
        return member(user.countryIso3(), "/country/government-validation", userId, member, user, redirect);
    }

    @GetMapping("/admin/government-validation")
    String admin(@RequestParam(required = false) String country, Model model) {
        String iso3 = country(country);
        model.addAttribute("countries", reference.countries());
        if (iso3 == null) {
            model.addAttribute("chosen", null);
            return "signoff/government-validation-admin";
        }
        return page(iso3, "/admin/government-validation", new LinkedMultiValueMap<>(), Map.of(), model);
    }

    @PostMapping("/admin/government-validation")
    String setForAnyCountry(@RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String iso3 = country(fields.getFirst("country"));
        if (iso3 == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such country");
        }
        return set(iso3, "/admin/government-validation", fields, user, model, response, redirect);
    }

    @PostMapping("/admin/government-validation/members/{userId}")
    String memberForAnyCountry(@PathVariable long userId, @RequestParam(required = false) String member,
            CurrentUser user, RedirectAttributes redirect) {
        String iso3 = accounts.findById(userId).map(CurrentUser::countryIso3)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return member(iso3, "/admin/government-validation", userId, member, user, redirect);
    }

    private String set(String iso3, String base, MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        fields.remove("_csrf");
        FormBinder.Bound<SettingForm> bound = binder.bind(SettingForm.class, fields, NAME_WHEN_ON);
        if (!bound.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(iso3, base, fields, binder.errors(bound), model);
        }
        if ("on".equals(bound.value().action())) {
            government.switchOn(iso3, bound.value().groupName(), user);
            redirect.addFlashAttribute("flash", text("government.flash.on", bound.value().groupName()));
        } else {
            government.switchOff(iso3, user);
            redirect.addFlashAttribute("flash", text("government.flash.off"));
        }
        return "redirect:" + base + suffix(base, iso3);
    }

    /** Only an account of the country's team: anything else is not found (its id says nothing). */
    private String member(String iso3, String base, long userId, String member, CurrentUser user,
            RedirectAttributes redirect) {
        CurrentUser person = accounts.findCountryTeam(iso3).stream().filter(p -> p.id() == userId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!"true".equals(member) && !"false".equals(member)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "member is true or false");
        }
        boolean joins = "true".equals(member);
        if (accounts.setGovernmentMember(userId, iso3, joins)) {
            audit.record(AuditEntry.of(user.username(), joins ? "GOVERNMENT_MEMBER_ADDED" : "GOVERNMENT_MEMBER_REMOVED",
                    iso3, "app_user", userId, person.username()));
        }
        redirect.addFlashAttribute("flash", text(joins ? "government.flash.memberAdded" : "government.flash.memberRemoved",
                person.displayName()));
        return "redirect:" + base + suffix(base, iso3);
    }

    private String page(String iso3, String base, MultiValueMap<String, String> values, Map<String, String> errors,
            Model model) {
        var setting = government.of(iso3);
        if (values.isEmpty()) {
            values.add("groupName", setting.map(GovernmentValidation.Setting::groupName).orElse(""));
        }
        model.addAttribute("base", base);
        model.addAttribute("iso3", iso3);
        model.addAttribute("admin", base.startsWith("/admin"));
        model.addAttribute("country", reference.country(iso3).map(c -> c.name()).orElse(iso3));
        model.addAttribute("setting", setting.orElse(null));
        model.addAttribute("team", accounts.findCountryTeam(iso3));
        model.addAttribute("groupNameMax", GROUP_NAME_MAX);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "signoff/government-validation";
    }

    private static String suffix(String base, String iso3) {
        return base.startsWith("/admin") ? "?country=" + iso3 : "";
    }

    private String country(String country) {
        String iso3 = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return iso3.length() == 3 && reference.country(iso3).isPresent() ? iso3 : null;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
