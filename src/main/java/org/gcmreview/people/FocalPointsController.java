package org.gcmreview.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.consultation.EmailAddress;
import org.gcmreview.identity.AccountChange;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.NewAccount;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.support.FilledIn;
import org.gcmreview.support.FormBinder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The country's ministry focal points, managed by its coordinator (/country/** is for coordinators; every query
 * names the coordinator's own country): invite one per ministry by e-mail, move one to another ministry, disable
 * or enable one, and send a new link when an invitation was not taken up in time.
 */
@Controller
class FocalPointsController {

    static final int NAME_MAX = 200;

    private final People people;
    private final CountryMinistries ministries;
    private final Invitations invitations;
    private final UserAccountRepository accounts;
    private final AuditLog audit;
    private final MessageSource messages;
    private final FormBinder binder;

    FocalPointsController(People people, CountryMinistries ministries, Invitations invitations,
            UserAccountRepository accounts, AuditLog audit, MessageSource messages, FormBinder binder) {
        this.binder = binder;
        this.people = people;
        this.ministries = ministries;
        this.invitations = invitations;
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/country/focal-points")
    String list(CurrentUser user, Model model) {
        return page(user, model, Map.of(), Map.of());
    }

    /** An invitation: the person's name, e-mail address (their user name, in lower case) and ministry. */
    record Invitation(@FilledIn(max = NAME_MAX, message = "people.error.displayName") String displayName,
            String email, String ministry) {

        Invitation {
            email = email.toLowerCase(Locale.ROOT);
        }

        Map<String, String> values() {
            return Map.of("displayName", displayName, "email", email, "ministry", ministry);
        }
    }

    /** The product's one rule for an address (shared with the consultation's), and the length the column takes. */
    static final Validator PLAUSIBLE_EMAIL = Validator.forInstanceOf(Invitation.class, (invitation, errors) -> {
        if (!EmailAddress.plausible(invitation.email()) || invitation.email().length() > 80) {
            errors.rejectValue("email", "people.error.email");
        }
    });

    @PostMapping("/country/focal-points")
    @Transactional
    String invite(@RequestParam MultiValueMap<String, String> form, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        AtomicReference<Optional<CountryMinistry>> ministry = new AtomicReference<>(Optional.empty());
        // the ministry must be one of the country's active ones
        Validator ofTheCountry = Validator.forInstanceOf(Invitation.class, (invitation, errors) -> {
            ministry.set(activeMinistry(user, invitation.ministry()));
            if (ministry.get().isEmpty()) {
                errors.rejectValue("ministry", "people.focalPoints.error.ministry");
            }
        });
        FormBinder.Bound<Invitation> bound = binder.bind(Invitation.class, form, PLAUSIBLE_EMAIL, ofTheCountry);
        Map<String, String> values = bound.value().values();
        Map<String, String> errors = new LinkedHashMap<>(binder.errors(bound));
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, values, errors);
        }
        Optional<Person> existing = people.byUsername(values.get("email"));
        if (existing.isPresent() && user.countryIso3().equals(existing.get().countryIso3())
                && existing.get().role() == Role.MINISTRY) {
            errors.put("email", text("people.focalPoints.error.listed"));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, values, errors);
        }
        Optional<Long> invited = invitations.invite(new NewAccount(values.get("email"), values.get("displayName"),
                values.get("email"), Role.MINISTRY, user.countryIso3(), ministry.get().orElseThrow().id(), null,
                LocaleContextHolder.getLocale().getLanguage()), user);
        if (invited.isEmpty()) {
            // The address is someone's elsewhere (another country, a secretariat): the answer is the same as for a
            // new invitation, so a coordinator learns nothing about people outside the country.
            audit.record(AuditEntry.of(user.username(), "INVITATION_NOT_SENT", user.countryIso3(), "app_user", null,
                    "the address is the user name of an account outside the country's focal points"));
        }
        redirect.addFlashAttribute("flash", text("people.invited", values.get("email")));
        return "redirect:/country/focal-points";
    }

    @PostMapping("/country/focal-points/{id}/ministry")
    @Transactional
    String moveToMinistry(@PathVariable long id, @RequestParam(required = false) String ministry, CurrentUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Person person = find(user, id);
        Optional<CountryMinistry> target = activeMinistry(user, ministry);
        if (target.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, Map.of(), Map.of("person-" + id, text("people.focalPoints.error.ministry")));
        }
        if (!target.get().id().equals(person.ministryId())) {
            accounts.change(id, AccountChange.ministry(target.get().id()));
            audit.record(AuditEntry.of(user.username(), "FOCAL_POINT_MINISTRY_CHANGED", user.countryIso3(), "app_user",
                    id, person.username() + ": " + person.ministryName() + " -> " + target.get().name()));
        }
        redirect.addFlashAttribute("flash", text("people.focalPoints.moved", person.displayName(), target.get().name()));
        return "redirect:/country/focal-points";
    }

    @PostMapping("/country/focal-points/{id}/enabled")
    @Transactional
    String enable(@PathVariable long id, @RequestParam(required = false) String enabled, CurrentUser user,
            RedirectAttributes redirect) {
        Person person = find(user, id);
        boolean enable = "true".equals(enabled);
        if (enable != person.enabled()) {
            accounts.change(id, AccountChange.enabled(enable));
            audit.record(AuditEntry.of(user.username(), enable ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED",
                    user.countryIso3(), "app_user", id, person.username()));
        }
        redirect.addFlashAttribute("flash", text(enable ? "people.enabled" : "people.disabled", person.displayName()));
        return "redirect:/country/focal-points";
    }

    @PostMapping("/country/focal-points/{id}/invitation")
    @Transactional
    String inviteAgain(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        Person person = find(user, id);
        boolean sent = person.enabled() && invitations.inviteAgain(id, user.countryIso3(), user);
        redirect.addFlashAttribute("flash", text(sent ? "people.invitedAgain" : "people.notInvitedAgain",
                person.displayName()));
        return "redirect:/country/focal-points";
    }

    private String page(CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("people", people.focalPoints(user.countryIso3()));
        List<CountryMinistry> current = ministries.of(user.countryIso3()).stream().filter(m -> !m.retired())
                .toList();
        model.addAttribute("ministries", current);
        // id -> name, as the invitation's drop-down list takes them (fields :: selectList)
        Map<String, String> options = new LinkedHashMap<>();
        current.forEach(m -> options.put(String.valueOf(m.id()), m.name()));
        model.addAttribute("ministryOptions", options);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "people/focal-points";
    }

    private Person find(CurrentUser user, long id) {
        return people.focalPoint(user.countryIso3(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Optional<CountryMinistry> activeMinistry(CurrentUser user, String id) {
        try {
            return ministries.find(user.countryIso3(), Long.parseLong(id == null ? "" : id.strip()))
                    .filter(m -> !m.retired());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
