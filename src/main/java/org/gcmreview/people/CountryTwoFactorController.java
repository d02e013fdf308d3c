package org.gcmreview.people;

import java.util.Locale;
import java.util.Optional;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TwoFactor;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a country requires two-factor sign-in of its coordinator and ministry focal points: the coordinator
 * sets it for their own country (/country/**), an administrator for any (/admin/**). From the next sign-in on,
 * those without an authenticator must set one up before they reach anything. An administrator can also reset a
 * person's two-factor sign-in (a lost phone). Every change is audited (TwoFactor).
 */
@Controller
class CountryTwoFactorController {

    private final TwoFactor twoFactor;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final UserAccountRepository accounts;

    CountryTwoFactorController(TwoFactor twoFactor, ReferenceData reference, MessageSource messages,
            UserAccountRepository accounts) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        this.reference = reference;
        this.messages = messages;
    }

    @GetMapping("/country/two-factor")
    String country(CurrentUser user, Model model) {
        model.addAttribute("required", twoFactor.countryRequires(user.countryIso3()));
        model.addAttribute("country", reference.country(user.countryIso3()).map(c -> c.name()).orElse(user.countryIso3()));
        return "people/country-two-factor";
    }

    @PostMapping("/country/two-factor")
    String setForCountry(@RequestParam(required = false) String required, CurrentUser user,
            RedirectAttributes redirect) {
        boolean require = "true".equals(required);
        twoFactor.requireForCountry(user.countryIso3(), require, user);
        redirect.addFlashAttribute("flash", text(require ? "people.twoFactor.country.on" : "people.twoFactor.country.off"));
        return "redirect:/country/two-factor";
    }

    @GetMapping("/admin/two-factor")
    String countries(Model model) {
        return adminPage(model, null);
    }

    @PostMapping("/admin/two-factor")
    String setForAnyCountry(@RequestParam(required = false) String country,
            @RequestParam(required = false) String required, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        String iso3 = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (iso3.length() != 3 || reference.country(iso3).isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return adminPage(model, text("people.twoFactor.admin.error"));
        }
        boolean require = "true".equals(required);
        twoFactor.requireForCountry(iso3, require, user);
        redirect.addFlashAttribute("flash", text(require ? "people.twoFactor.country.on" : "people.twoFactor.country.off"));
        return "redirect:/admin/two-factor";
    }

    /** An administrator resets a person's two-factor sign-in (a lost phone), found by user name; audited. */
    @PostMapping("/admin/two-factor/reset")
    String reset(@RequestParam(required = false) String username, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Optional<CurrentUser> person = username == null || username.isBlank() ? Optional.empty()
                : accounts.findByUsername(username.strip());
        if (person.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("resetError", text("people.twoFactor.reset.unknown"));
            return adminPage(model, null);
        }
        boolean done = twoFactor.reset(person.get(), user);
        redirect.addFlashAttribute("flash", text(done ? "people.twoFactor.reset.done" : "people.twoFactor.reset.none",
                person.get().displayName()));
        return "redirect:/admin/two-factor";
    }

    private String adminPage(Model model, String error) {
        model.addAttribute("requiring", twoFactor.requiringCountries().stream()
                .map(iso3 -> reference.country(iso3).orElse(null)).filter(c -> c != null).toList());
        model.addAttribute("countries", reference.countries());
        model.addAttribute("error", error);
        return "people/admin-two-factor";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
