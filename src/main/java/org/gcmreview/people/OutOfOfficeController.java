package org.gcmreview.people;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Deputies;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Out of office (issue 14 part 2): a person with tasks (not a stakeholder) names a deputy for a period, chosen
 * among the colleagues who may stand in for them ({@link Deputies#mayStandIn}); while it runs, the deputy is
 * offered the person's tasks too. Naming and ending a deputy are audited, each under the person's country.
 */
@Controller
class OutOfOfficeController {

    /** No absence is planned further ahead or longer than this. */
    static final int MAX_DAYS = 366;

    private final Deputies deputies;
    private final UserAccountRepository accounts;
    private final AuditLog audit;
    private final MessageSource messages;

    OutOfOfficeController(Deputies deputies, UserAccountRepository accounts, AuditLog audit, MessageSource messages) {
        this.deputies = deputies;
        this.accounts = accounts;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/account/out-of-office")
    String show(CurrentUser user, Model model) {
        refuseStakeholders(user);
        return page(user, model, Map.of(), Map.of());
    }

    @PostMapping("/account/out-of-office")
    @Transactional
    String name(@RequestParam(defaultValue = "") String deputy, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String until, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        refuseStakeholders(user);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> errors = new LinkedHashMap<>();
        CurrentUser chosen = colleagues(user).stream().filter(c -> String.valueOf(c.id()).equals(deputy)).findFirst()
                .orElse(null);
        if (chosen == null) {
            errors.put("deputy", text("people.away.error.deputy"));
        }
        LocalDate start = date(from);
        LocalDate end = date(until);
        if (start == null || start.isBefore(today) || start.isAfter(today.plusDays(MAX_DAYS))) {
            errors.put("from", text("people.away.error.from"));
        }
        if (end == null || (start != null && (end.isBefore(start) || end.isAfter(start.plusDays(MAX_DAYS))))) {
            errors.put("until", text("people.away.error.until", MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, Map.of("deputy", deputy, "from", clip(from), "until", clip(until)), errors);
        }
        long id = deputies.name(user.id(), chosen.id(), start, end);
        audit.record(AuditEntry.of(user.username(), "DEPUTY_NAMED", user.countryIso3(), "deputy", id,
                chosen.username() + " stands in for " + user.username() + " from " + start + " until " + end));
        redirect.addFlashAttribute("flash", text("people.away.named", chosen.displayName(), start, end));
        return "redirect:/account/out-of-office";
    }

    @PostMapping("/account/out-of-office/{id}/end")
    @Transactional
    String end(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        refuseStakeholders(user);
        if (!deputies.end(user.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(AuditEntry.of(user.username(), "DEPUTY_ENDED", user.countryIso3(), "deputy", id, null));
        redirect.addFlashAttribute("flash", text("people.away.ended"));
        return "redirect:/account/out-of-office";
    }

    private String page(CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("absences", deputies.of(user.id(), LocalDate.now(ZoneOffset.UTC)));
        List<CurrentUser> colleagues = colleagues(user);
        model.addAttribute("colleagues", colleagues);
        // id -> name, as the drop-down list takes them (fields :: selectList)
        Map<String, String> deputies = new LinkedHashMap<>();
        colleagues.forEach(c -> deputies.put(String.valueOf(c.id()), c.displayName()));
        model.addAttribute("deputies", deputies);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "people/out-of-office";
    }

    /** Who may stand in for the user, by name. */
    private List<CurrentUser> colleagues(CurrentUser user) {
        return accounts.findAllEnabled().stream().filter(c -> Deputies.mayStandIn(user, c))
                .sorted(java.util.Comparator.comparing(CurrentUser::displayName)).toList();
    }

    private static void refuseStakeholders(CurrentUser user) {
        if (user.is(Role.STAKEHOLDER)) {
            // a stakeholder has no tasks to pass on
            throw new AccessDeniedException("Stakeholders name no deputy");
        }
    }

    private static LocalDate date(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text.length() > 10 ? text.substring(0, 10) : text;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
