package org.gcmreview.people;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.PendingAccounts;
import org.gcmreview.identity.Role;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.support.FormBinder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts that signed in through single sign-on without claims saying what they are, and wait
 * (org.gcmreview.identity.PendingAccounts). An administrator (/admin/**) gives any of them a role; a coordinator
 * (/country/**) makes those that claimed their country focal points of one of its ministries. Another country's
 * pending account is "not found" to a coordinator. Either may refuse one (the account is disabled).
 */
@Controller
class PendingAccountsController {

    static final List<Role> ADMIN_ROLES = List.of(Role.COORDINATOR, Role.MINISTRY, Role.REGIONAL_SECRETARIAT,
            Role.IMRF_SECRETARIAT);

    /** The approval form: what the account becomes. */
    record ApprovalForm(String role, String country, String ministry, String commission) {
    }

    private final PendingAccounts pending;
    private final CountryMinistries ministries;
    private final ReferenceData reference;
    private final FormBinder binder;
    private final MessageSource messages;

    PendingAccountsController(PendingAccounts pending, CountryMinistries ministries, ReferenceData reference,
            FormBinder binder, MessageSource messages) {
        this.pending = pending;
        this.ministries = ministries;
        this.reference = reference;
        this.binder = binder;
        this.messages = messages;
    }

    @GetMapping({"/admin/pending-accounts", "/country/pending-accounts"})
    String list(CurrentUser user, Model model) {
        return page(user, model, Map.of());
    }

    @PostMapping({"/admin/pending-accounts/{id}", "/country/pending-accounts/{id}"})
    String approve(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PendingAccounts.Pending person = find(id, user);
        ApprovalForm form = binder.bind(ApprovalForm.class, fields).value();
        Optional<PendingAccounts.Approval> approval = approval(form, person, user);
        if (approval.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, Map.of("pending-" + id, text("sso.approval.error")));
        }
        boolean done = pending.approve(id, approval.get(), user);
        redirect.addFlashAttribute("flash", text(done ? "sso.approval.done" : "sso.approval.gone",
                person.displayName()));
        return "redirect:" + base(user);
    }

    @PostMapping({"/admin/pending-accounts/{id}/refusal", "/country/pending-accounts/{id}/refusal"})
    String refuse(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        PendingAccounts.Pending person = find(id, user);
        boolean done = pending.refuse(id, user);
        redirect.addFlashAttribute("flash", text(done ? "sso.approval.refused" : "sso.approval.gone",
                person.displayName()));
        return "redirect:" + base(user);
    }

    /** What the caller may make of the account: a coordinator only a focal point of one of their ministries. */
    private Optional<PendingAccounts.Approval> approval(ApprovalForm form, PendingAccounts.Pending person,
            CurrentUser user) {
        Role role = user.is(Role.COORDINATOR) ? Role.MINISTRY
                : ADMIN_ROLES.stream().filter(r -> r.name().equals(form.role())).findFirst().orElse(null);
        String country = user.is(Role.COORDINATOR) ? user.countryIso3()
                : Optional.ofNullable(form.country()).map(c -> c.strip().toUpperCase(Locale.ROOT))
                        .filter(c -> !c.isEmpty()).orElse(person.claimedCountryIso3());
        if (role == null) {
            return Optional.empty();
        }
        return switch (role) {
            case COORDINATOR -> reference.country(country).map(c -> new PendingAccounts.Approval(role, c.iso3(), null,
                    null));
            case MINISTRY -> country == null ? Optional.empty() : ministries.of(country).stream()
                    .filter(m -> !m.retired() && m.code().equals(form.ministry()))
                    .findFirst().map(m -> new PendingAccounts.Approval(role, country, m.id(), null));
            case REGIONAL_SECRETARIAT -> reference.commission(form.commission())
                    .map(c -> new PendingAccounts.Approval(role, null, null, c.code()));
            case IMRF_SECRETARIAT -> Optional.of(new PendingAccounts.Approval(role, null, null, null));
            default -> Optional.empty();
        };
    }

    private String page(CurrentUser user, Model model, Map<String, String> errors) {
        boolean admin = user.is(Role.ADMIN);
        model.addAttribute("admin", admin);
        model.addAttribute("base", base(user));
        model.addAttribute("pending", pending.list(admin ? Optional.empty() : Optional.of(user.countryIso3())));
        model.addAttribute("roles", ADMIN_ROLES);
        model.addAttribute("countries", reference.countries());
        model.addAttribute("commissions", reference.commissions());
        model.addAttribute("ministries", admin ? List.of() : ministries.of(user.countryIso3()).stream()
                .filter(m -> !m.retired()).toList());
        model.addAttribute("errors", errors);
        return "people/pending-accounts";
    }

    private PendingAccounts.Pending find(long id, CurrentUser user) {
        return pending.find(id, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String base(CurrentUser user) {
        return user.is(Role.ADMIN) ? "/admin/pending-accounts" : "/country/pending-accounts";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
