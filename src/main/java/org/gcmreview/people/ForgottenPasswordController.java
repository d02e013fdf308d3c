package org.gcmreview.people;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Forgot your password?" (public, linked from the sign-in page): asks for a user name or e-mail address and
 * answers the same whether an account has it or not (see {@link PasswordResets}).
 */
@Controller
class ForgottenPasswordController {

    private final PasswordResets resets;
    private final MessageSource messages;

    ForgottenPasswordController(PasswordResets resets, MessageSource messages) {
        this.resets = resets;
        this.messages = messages;
    }

    @GetMapping("/password/forgotten")
    String form(Model model) {
        return page(model, "", null);
    }

    @PostMapping("/password/forgotten")
    String request(@RequestParam(required = false) String name, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String typed = name == null ? "" : name.strip();
        if (typed.isEmpty() || typed.length() > PasswordResets.MAX_TYPED) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, typed.length() > PasswordResets.MAX_TYPED ? "" : typed,
                    text("people.reset.error.name", PasswordResets.MAX_TYPED));
        }
        if (resets.request(typed, request.getRemoteAddr()) == PasswordResets.Answer.TOO_MANY) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return page(model, typed, text("people.reset.error.tooMany"));
        }
        return "redirect:/login?resetRequested";
    }

    private String page(Model model, String name, String error) {
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        return "people/forgotten-password";
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
