package org.gcmreview.people;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.AccountChange;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
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
    private final MessageSource messages;

    SetPasswordController(PasswordLinks links, UserAccountRepository accounts, PasswordEncoder passwordEncoder,
            AuditLog audit, MessageSource messages) {
        this.links = links;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.messages = messages;
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
    String set(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordRepeated, Model model, HttpServletResponse response) {
        Optional<CurrentUser> user = links.valid(token).flatMap(accounts::findById);
        if (user.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "people/link-invalid";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String chosen = password == null ? "" : password;
        if (chosen.length() < PASSWORD_MIN || chosen.length() > PASSWORD_MAX) {
            errors.put("password", text("people.password.error.length", PASSWORD_MIN, PASSWORD_MAX));
        } else if (!chosen.equals(passwordRepeated)) {
            errors.put("passwordRepeated", text("people.password.error.repeated"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, token, user.get(), errors);
        }
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

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
