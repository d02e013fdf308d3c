package org.gcmreview.submission.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.submission.SecretariatRounds;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

    TokenController(ApiTokens tokens, AuditLog audit, MessageSource messages) {
        this.tokens = tokens;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/secretariat/tokens")
    String list(CurrentUser user, Model model) {
        SecretariatRounds.kindOf(user);
        return page(user, model, Map.of());
    }

    @PostMapping("/secretariat/tokens")
    String create(CurrentUser user, @RequestParam(defaultValue = "") String name, Model model,
            HttpServletResponse response) {
        SecretariatRounds.kindOf(user);
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > ApiTokens.NAME_MAX) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, Map.of("name", text("submission.tokens.error.name", ApiTokens.NAME_MAX)));
        }
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
