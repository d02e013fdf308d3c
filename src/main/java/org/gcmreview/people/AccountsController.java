package org.gcmreview.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.EmailAddress;
import org.gcmreview.identity.AccountChange;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.NewAccount;
import org.gcmreview.identity.Role;
import org.gcmreview.support.FormBinder;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The accounts an administrator manages (/admin/** is for ADMIN): countries' coordinators, regional and IMRF
 * secretariats, and other administrators, each invited by e-mail; disabling and enabling them; a new link when an
 * invitation was not taken up in time. Ministry focal points are their coordinator's business.
 */
@Controller
class AccountsController {

    static final List<Role> ROLES = List.of(Role.COORDINATOR, Role.REGIONAL_SECRETARIAT, Role.IMRF_SECRETARIAT,
            Role.ADMIN);

    private final People people;
    private final Invitations invitations;
    private final UserAccountRepository accounts;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final FormBinder binder;

    AccountsController(People people, Invitations invitations, UserAccountRepository accounts, ReferenceData reference,
            AuditLog audit, MessageSource messages, FormBinder binder) {
        this.binder = binder;
        this.people = people;
        this.invitations = invitations;
        this.accounts = accounts;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
    }

    /** Rows on one page: every member state's coordinator and the secretariats would weigh too much at once. */
    static final int PAGE_ROWS = 50;

    @GetMapping("/admin/accounts")
    String list(@RequestParam(required = false) String role, @RequestParam(required = false) String q, Model model) {
        Role shown = ROLES.stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
        String text = q == null ? "" : q.strip();
        model.addAttribute("shownRole", shown == null ? "" : shown.name());
        model.addAttribute("q", text.length() > 100 ? text.substring(0, 100) : text);
        return page(model, shown, text, Map.of(), Map.of());
    }

    @PostMapping("/admin/accounts")
    @Transactional
    String create(@RequestParam MultiValueMap<String, String> form, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : new String[] {"role", "country", "commission", "displayName", "email"}) {
            values.put(field, MinistriesController.field(form, field));
        }
        values.put("email", values.get("email").toLowerCase(Locale.ROOT));
        values.put("country", values.get("country").toUpperCase(Locale.ROOT));
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Role> role = ROLES.stream().filter(r -> r.name().equals(values.get("role"))).findFirst();
        if (role.isEmpty()) {
            errors.put("role", text("people.accounts.error.role"));
        }
        String country = null;
        String commission = null;
        if (role.orElse(null) == Role.COORDINATOR) {
            country = values.get("country");
            if (reference.country(country).isEmpty()) {
                errors.put("country", text("people.accounts.error.country"));
            }
        }
        if (role.orElse(null) == Role.REGIONAL_SECRETARIAT) {
            commission = values.get("commission");
            if (reference.commission(commission).isEmpty()) {
                errors.put("commission", text("people.accounts.error.commission"));
            }
        }
        FormBinder.Bound<FocalPointsController.Invitation> person = binder.bind(FocalPointsController.Invitation.class,
                form, FocalPointsController.PLAUSIBLE_EMAIL);
        errors.putAll(binder.errors(person));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, values, errors);
        }
        Optional<Long> id = invitations.invite(new NewAccount(values.get("email"), values.get("displayName"),
                values.get("email"), role.get(), country, null, commission,
                LocaleContextHolder.getLocale().getLanguage()), user);
        if (id.isEmpty()) {
            // administrators see every account, so saying so tells them nothing new
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, values, Map.of("email", text("people.accounts.error.taken")));
        }
        redirect.addFlashAttribute("flash", text("people.invited", values.get("email")));
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    @Transactional
    String enable(@PathVariable long id, @RequestParam(required = false) String enabled, CurrentUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Person person = find(id);
        boolean enable = "true".equals(enabled);
        if (!enable && person.id() == user.id()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, Map.of(), Map.of("person-" + id, text("people.accounts.error.self")));
        }
        if (enable != person.enabled()) {
            accounts.change(id, AccountChange.enabled(enable));
            audit.record(AuditEntry.of(user.username(), enable ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
                    person.countryIso3(), "app_user", id, person.role() + " " + person.username()));
        }
        redirect.addFlashAttribute("flash", text(enable ? "people.enabled" : "people.disabled", person.displayName()));
        return "redirect:/admin/accounts";
    }

    @PostMapping("/admin/accounts/{id}/invitation")
    @Transactional
    String inviteAgain(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        Person person = find(id);
        boolean sent = person.enabled() && invitations.inviteAgain(id, person.countryIso3(), user);
        redirect.addFlashAttribute("flash", text(sent ? "people.invitedAgain" : "people.notInvitedAgain",
                person.displayName()));
        return "redirect:/admin/accounts";
    }

    private String page(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("shownRole", "");
        model.addAttribute("q", "");
        return page(model, null, "", values, errors);
    }

    private String page(Model model, Role role, String text, Map<String, String> values, Map<String, String> errors) {
        List<Person> found = people.staff(role, text.length() > 100 ? text.substring(0, 100) : text, PAGE_ROWS + 1);
        model.addAttribute("people", found.size() > PAGE_ROWS ? found.subList(0, PAGE_ROWS) : found);
        model.addAttribute("more", found.size() > PAGE_ROWS);
        model.addAttribute("pageRows", PAGE_ROWS);
        model.addAttribute("roles", ROLES);
        // the invitation's choices, value -> label (fields :: choice, selectList)
        Map<String, String> roles = new LinkedHashMap<>();
        ROLES.forEach(r -> roles.put(r.name(), text("people.role." + r.name())));
        model.addAttribute("roleOptions", roles);
        Map<String, String> countries = new LinkedHashMap<>();
        reference.countries().forEach(c -> countries.put(c.iso3(), c.name() + " (" + c.iso3() + ")"));
        model.addAttribute("countries", countries);
        Map<String, String> commissions = new LinkedHashMap<>();
        reference.commissions().forEach(c -> commissions.put(c.code(), c.code() + " · " + c.name()));
        model.addAttribute("commissions", commissions);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "people/accounts";
    }

    private Person find(long id) {
        return people.staffMember(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
