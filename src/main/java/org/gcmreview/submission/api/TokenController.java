package org.gcmreview.submission.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.SecretariatRounds;
import org.gcmreview.support.FilledIn;
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
 * A secretariat user's API tokens (under /secretariat/, so only secretariat users reach it): make one, see it
 * once, revoke it. The new token is shown in the answer to the POST itself, never stored or redirected with.
 */
@Controller
class TokenController {

    private final ApiTokens tokens;
    private final AuditLog audit;
    private final MessageSource messages;
    private final FormBinder binder;

    /** A new token's name: what it is for. */
    record NewToken(@FilledIn(max = ApiTokens.NAME_MAX, message = "submission.tokens.error.name") String name) {
    }

    TokenController(ApiTokens tokens, AuditLog audit, MessageSource messages, FormBinder binder) {
        this.tokens = tokens;
        this.audit = audit;
        this.messages = messages;
        this.binder = binder;
    }

    @GetMapping("/secretariat/tokens")
    String list(CurrentUser user, Model model) {
        SecretariatRounds.kindOf(user);
        return page(user, model, Map.of());
    }

    @PostMapping("/secretariat/tokens")
    String create(CurrentUser user, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response) {
        SecretariatRounds.kindOf(user);
        FormBinder.Bound<NewToken> bound = binder.bind(NewToken.class, form);
        if (!bound.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, binder.errors(bound));
        }
        String trimmed = bound.value().name();
        String secret = tokens.create(user, trimmed);
        audit.record(AuditEntry.of(user.username(), "API_TOKEN_CREATED", null, "app_user", user.id(), trimmed));
        model.addAttribute("newToken", secret);
        model.addAttribute("newTokenName", trimmed);
        return page(user, model, Map.of());
    }

    @PostMapping("/secretariat/tokens/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        if (!tokens.revoke(user.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You have no such token");
        }
        audit.record(AuditEntry.of(user.username(), "API_TOKEN_REVOKED", null, "secretariat_api_token", id, null));
        redirect.addFlashAttribute("flash", text("submission.tokens.revoked"));
        return "redirect:/secretariat/tokens";
    }

    private String page(CurrentUser user, Model model, Map<String, String> errors) {
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("errors", errors);
        return "submission/tokens";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
