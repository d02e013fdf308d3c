package org.gcmreview.people;

import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.AccountChange;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.support.FormBinder;
import org.gcmreview.support.FormBinder.Verbatim;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Setting a password through a single-use link (an invitation, or the first administrator's). Public: the token is
 * the authority. A link that is unknown, used, expired or of a disabled account gets one and the same answer, so
 * the page tells nobody whether an account exists.
 */
@Controller
class SetPasswordController {

    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 200;

    private final PasswordLinks links;
    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final FormBinder binder;

    /** The new password, typed twice; taken exactly as typed. */
    record NewPassword(
            @Verbatim @Size(min = PASSWORD_MIN, max = PASSWORD_MAX, message = "people.password.error.length")
            String password,
            @Verbatim String passwordRepeated) {
    }

    /** The two must be the same (said only once the first one is acceptable). */
    private static final Validator REPEATED = Validator.forInstanceOf(NewPassword.class, (p, errors) -> {
        if (!errors.hasFieldErrors("password") && !p.password().equals(p.passwordRepeated())) {
            errors.rejectValue("passwordRepeated", "people.password.error.repeated");
        }
    });

    SetPasswordController(PasswordLinks links, UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            AuditLog audit, FormBinder binder) {
        this.links = links;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.binder = binder;
    }

    @GetMapping("/password")
    String form(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        Optional<CurrentUser> user = links.valid(token).flatMap(accounts::findById);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "people/link-invalid";
        }
        return page(model, token, user.get(), Map.of());
    }

    @PostMapping("/password")
    @Transactional
    String set(@RequestParam(required = false) String token, @RequestParam MultiValueMap<String, String> fields,
            Model model, HttpServletResponse response) {
        Optional<CurrentUser> user = links.valid(token).flatMap(accounts::findById);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "people/link-invalid";
        }
        FormBinder.Bound<NewPassword> bound = binder.bind(NewPassword.class, fields, REPEATED);
        if (!bound.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, token, user.get(), binder.errors(bound));
        }
        String chosen = bound.value().password();
        // the link is used up in the same transaction as the password is set: a second use finds nothing
        Optional<Long> redeemed = links.redeem(token);
        if (redeemed.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "people/link-invalid";
        }
        boolean replaced = accounts.hasPassword(redeemed.get());
        accounts.change(redeemed.get(), AccountChange.password(passwordEncoder.encode(chosen)));
        if (replaced) {
            // whoever knew the old password and signed in with it is out at their next request
            accounts.endSessions(redeemed.get());
        }
        audit.record(AuditEntry.of(user.get().username(), "PASSWORD_SET", user.get().countryIso3(), "app_user",
                redeemed.get(), "through a single-use link"));
        return "redirect:/login?passwordSet";
    }

    private String page(Model model, String token, CurrentUser user, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("account", user);
        model.addAttribute("errors", errors);
        model.addAttribute("passwordMin", PASSWORD_MIN);
        return "people/set-password";
    }
}
