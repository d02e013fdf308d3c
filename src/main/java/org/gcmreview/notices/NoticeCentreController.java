package org.gcmreview.notices;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
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

/**
 * The signed-in person's notification centre (every signed-in user, each only their own notices): the latest
 * notices, marking them read, and the choice per kind of notice of how they come by e-mail.
 */
@Controller
class NoticeCentreController {

    private final NoticeStore store;
    private final NoticePreferences preferences;
    private final AuditLog audit;
    private final MessageSource messages;

    NoticeCentreController(NoticeStore store, NoticePreferences preferences, AuditLog audit, MessageSource messages) {
        this.store = store;
        this.preferences = preferences;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/notices")
    String list(CurrentUser user, Model model) {
        List<Notice> notices = store.latest(user.id());
        model.addAttribute("notices", notices);
        model.addAttribute("pageRows", NoticeStore.PAGE_ROWS);
        model.addAttribute("anyUnread", notices.stream().anyMatch(Notice::unread));
        return "notices/centre";
    }

    @PostMapping("/notices/{id}/read")
    String read(@PathVariable long id, CurrentUser user) {
        if (!store.markRead(user.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/notices";
    }

    @PostMapping("/notices/read-all")
    String readAll(CurrentUser user) {
        store.markAllRead(user.id());
        return "redirect:/notices";
    }

    @GetMapping("/notices/settings")
    String settings(CurrentUser user, Model model) {
        model.addAttribute("choices", byName(preferences.of(user.id())));
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("deliveries", MailDelivery.values());
        model.addAttribute("action", "/notices/settings");
        model.addAttribute("token", null);
        model.addAttribute("saved", false);
        return "notices/settings";
    }

    @PostMapping("/notices/settings")
    @Transactional
    String saveSettings(@RequestParam MultiValueMap<String, String> form, CurrentUser user,
            RedirectAttributes redirect) {
        save(user.id(), user.username(), choices(form), preferences, audit);
        redirect.addFlashAttribute("flash", messages.getMessage("notices.settings.saved", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/notices/settings";
    }

    /** The choices by the kind's name, for the settings form (SpEL indexes maps by text). */
    static Map<String, String> byName(Map<NoticeKind, MailDelivery> choices) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        choices.forEach((kind, delivery) -> named.put(kind.name(), delivery.name()));
        return named;
    }

    /** The choices a settings form names; anything else in it (unknown kinds or values) is left out. */
    static Map<NoticeKind, MailDelivery> choices(MultiValueMap<String, String> form) {
        Map<NoticeKind, MailDelivery> choices = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            String value = form.getFirst("kind-" + kind.name());
            for (MailDelivery delivery : MailDelivery.values()) {
                if (delivery.name().equals(value)) {
                    choices.put(kind, delivery);
                }
            }
        }
        return choices;
    }

    static void save(long userId, String actor, Map<NoticeKind, MailDelivery> choices, NoticePreferences preferences,
            AuditLog audit) {
        Map<NoticeKind, MailDelivery> changed = preferences.set(userId, choices);
        if (!changed.isEmpty()) {
            audit.record(AuditEntry.of(actor, "NOTICE_SETTINGS_CHANGED", null, "app_user", userId,
                    changed.toString()));
        }
    }
}
