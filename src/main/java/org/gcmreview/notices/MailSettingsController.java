package org.gcmreview.notices;

import java.util.EnumMap;
import java.util.Map;

import org.gcmreview.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The link at the foot of every notice mail, usable without signing in: the signed token is the key
 * ({@link MailSettingsLinks}). GET only shows the person's settings with a form (a mail scanner that follows links
 * changes nothing); POST changes them. A POST with {@code List-Unsubscribe=One-Click} (RFC 8058, sent by the mail
 * client from the mail's header) stops every notice mail at once. No CSRF token: the token in the link already
 * proves the sender holds that person's mail, and the change is only to that person's own mail settings.
 */
@Controller
class MailSettingsController {

    private final MailSettingsLinks links;
    private final NoticePreferences preferences;
    private final AuditLog audit;

    MailSettingsController(MailSettingsLinks links, NoticePreferences preferences, AuditLog audit) {
        this.links = links;
        this.preferences = preferences;
        this.audit = audit;
    }

    @GetMapping(MailSettingsLinks.PATH)
    String show(@RequestParam(required = false) String token, @RequestParam(required = false) String saved,
            Model model, HttpServletResponse response) {
        Long userId = links.userOf(token).orElse(null);
        if (userId == null) {
            return invalid(response);
        }
        model.addAttribute("choices", NoticeCentreController.byName(preferences.of(userId)));
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("deliveries", MailDelivery.values());
        model.addAttribute("action", MailSettingsLinks.PATH);
        model.addAttribute("token", token);
        model.addAttribute("saved", saved != null);
        return "notices/settings";
    }

    @PostMapping(MailSettingsLinks.PATH)
    @Transactional
    String change(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response) {
        Long userId = links.userOf(form.getFirst("token")).orElse(null);
        if (userId == null) {
            return invalid(response);
        }
        Map<NoticeKind, MailDelivery> choices = NoticeCentreController.choices(form);
        if ("One-Click".equals(form.getFirst("List-Unsubscribe"))) {
            choices = new EnumMap<>(NoticeKind.class);
            for (NoticeKind kind : NoticeKind.values()) {
                choices.put(kind, MailDelivery.NONE);
            }
        }
        NoticeCentreController.save(userId, "mail-settings-link", choices, preferences, audit);
        // the token is digits, a dot and base64url: nothing to escape in the address
        return "redirect:" + MailSettingsLinks.PATH + "?token=" + form.getFirst("token") + "&saved";
    }

    /** A link that was altered or made up: a page that says so, and a 404 for clients that read only that. */
    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "notices/link-invalid";
    }
}
