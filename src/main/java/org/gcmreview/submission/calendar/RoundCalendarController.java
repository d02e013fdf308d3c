package org.gcmreview.submission.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.reference.ReferenceData;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.RoundProcesses;
import org.gcmreview.submission.handover.WaitingImrfReports;
import org.gcmreview.support.FormBinder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The review calendar, for ADMIN (the URL rule /admin/** says so): regional rounds, one per regional commission
 * and review cycle, and IMRF editions, one per cycle, each with its submission deadline. A round's kind,
 * commission, code and cycle are fixed once created (national cycles and the round's process refer to them);
 * its name and deadline can change while it is open.
 * <p>Larger than 250 lines for now: the calendar's list, new-round and change-round forms share the round lookup and
 * the form rendering; a split per form would repeat both.
 */
@Controller
class RoundCalendarController {

    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{2,40}$");
    static final Pattern CYCLE = Pattern.compile("^[A-Za-z0-9_]{1,20}$");
    static final int NAME_MAX = 200;

    private final ReviewRounds rounds;
    private final RoundProcesses roundProcesses;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final WaitingImrfReports waitingImrfReports;
    private final FormBinder binder;

    RoundCalendarController(ReviewRounds rounds, RoundProcesses roundProcesses, ReferenceData reference,
            AuditLog audit, MessageSource messages, WaitingImrfReports waitingImrfReports, FormBinder binder) {
        this.binder = binder;
        this.waitingImrfReports = waitingImrfReports;
        this.rounds = rounds;
        this.roundProcesses = roundProcesses;
        this.reference = reference;
        this.audit = audit;
        this.messages = messages;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/admin/rounds")
    String list(Model model) {
        model.addAttribute("rounds", rounds.all());
        model.addAttribute("today", LocalDate.now(clock));
        return "submission/calendar/list";
    }

    @GetMapping("/admin/rounds/new")
    String newRound(Model model) {
        return form(model, null, Map.of(), Map.of());
    }

    @PostMapping("/admin/rounds")
    @Transactional
    String create(@RequestParam MultiValueMap<String, String> form, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> values = values(form);
        LocalDate[] parsed = new LocalDate[1];
        // cross-field rules: the commission goes with the kind, the cycle is free for that kind and commission,
        // and the deadline lies ahead
        Validator rules = Validator.forInstanceOf(NewRound.class, (r, errors) -> {
            Optional<RoundKind> kind = parseKind(r.kind());
            if (kind.isEmpty()) {
                errors.rejectValue("kind", "submission.calendar.error.kind");
            }
            String commission = kind.orElse(null) == RoundKind.REGIONAL ? r.commission() : "";
            if (kind.orElse(null) == RoundKind.REGIONAL
                    && (commission.isEmpty() || reference.commission(commission).isEmpty())) {
                errors.rejectValue("commission", "submission.calendar.error.commission");
            }
            if (CODE.matcher(r.code()).matches() && rounds.codeTaken(r.code())) {
                errors.rejectValue("code", "submission.calendar.error.codeTaken", new Object[] {r.code()}, null);
            }
            if (CYCLE.matcher(r.cycle()).matches() && kind.isPresent() && !errors.hasFieldErrors("commission")
                    && rounds.inCycle(kind.get(), commission.isEmpty() ? null : commission, r.cycle()).isPresent()) {
                errors.rejectValue("cycle", kind.get() == RoundKind.REGIONAL
                        ? "submission.calendar.error.cycleTakenRegional" : "submission.calendar.error.cycleTakenImrf",
                        new Object[] {r.cycle(), commission}, null);
            }
            rejectName(r.name(), errors);
            parsed[0] = deadline(r.deadline(), errors);
            if (parsed[0] != null && !parsed[0].isAfter(LocalDate.now(clock))) {
                errors.rejectValue("deadline", "submission.calendar.error.deadlineFuture");
            }
        });
        FormBinder.Bound<NewRound> bound = binder.bind(NewRound.class, form, rules);
        Map<String, String> errors = binder.errors(bound);
        LocalDate deadline = parsed[0];
        Optional<RoundKind> kind = parseKind(values.get("kind"));
        String commission = kind.orElse(null) == RoundKind.REGIONAL ? values.get("commission") : "";
        String code = values.get("code");
        String cycle = values.get("cycle");
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, null, values, errors);
        }
        long id = rounds.create(kind.get(), commission.isEmpty() ? null : commission, code, values.get("name"), cycle,
                deadline);
        audit.record(AuditEntry.of(user.username(), "ROUND_CREATED", null, "review_round", id,
                code + " (" + kind.get() + (commission.isEmpty() ? "" : " " + commission) + ", cycle " + cycle
                        + ", deadline " + deadline + ")"));
        if (kind.get() == RoundKind.IMRF) {
            waitingImrfReports.editionAdded(id);
        } else {
            waitingImrfReports.regionalRoundAdded();
        }
        redirect.addFlashAttribute("flash", text("submission.calendar.created", code));
        return "redirect:/admin/rounds";
    }

    @GetMapping("/admin/rounds/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ReviewRound round = find(id);
        return form(model, round, Map.of("name", round.name(), "deadline", round.submissionDeadline().toString()),
                Map.of());
    }

    @PostMapping("/admin/rounds/{id}")
    @Transactional
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, CurrentUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ReviewRound round = find(id);
        Map<String, String> values = values(form);
        LocalDate[] parsed = new LocalDate[1];
        Validator rules = Validator.forInstanceOf(RoundChange.class, (r, errors) -> {
            if (round.closed()) {
                errors.rejectValue("name", "submission.calendar.error.closed");
            }
            rejectName(r.name(), errors);
            parsed[0] = deadline(r.deadline(), errors);
            // an unchanged deadline may lie in the past (the name of an old round can still be corrected); a
            // moved one must leave the countries time
            if (parsed[0] != null && !parsed[0].equals(round.submissionDeadline())
                    && parsed[0].isBefore(LocalDate.now(clock))) {
                errors.rejectValue("deadline", "submission.calendar.error.deadlinePast");
            }
        });
        FormBinder.Bound<RoundChange> bound = binder.bind(RoundChange.class, form, rules);
        Map<String, String> errors = binder.errors(bound);
        LocalDate deadline = parsed[0];
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, round, values, errors);
        }
        rounds.update(id, values.get("name"), deadline, user.id());
        if (!deadline.equals(round.submissionDeadline())) {
            roundProcesses.deadlineChanged(rounds.findById(id).orElseThrow());
        }
        audit.record(AuditEntry.of(user.username(), "ROUND_UPDATED", null, "review_round", id,
                round.code() + ": deadline " + round.submissionDeadline() + " -> " + deadline));
        redirect.addFlashAttribute("flash", text("submission.calendar.updated", round.code()));
        return "redirect:/admin/rounds";
    }

    private String form(Model model, ReviewRound round, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("round", round);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        // the new round's choices, value -> label (fields :: choice, selectList)
        Map<String, String> commissions = new LinkedHashMap<>();
        reference.commissions().forEach(c -> commissions.put(c.code(), c.code() + " · " + c.name()));
        model.addAttribute("commissions", commissions);
        Map<String, String> kinds = new LinkedHashMap<>();
        for (RoundKind kind : RoundKind.values()) {
            kinds.put(kind.name(), text("submission.kind." + kind.name()));
        }
        model.addAttribute("kinds", kinds);
        model.addAttribute("minDeadline", LocalDate.now(clock).plusDays(1));
        return "submission/calendar/form";
    }

    private ReviewRound find(long id) {
        return rounds.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A new round as the form sends it (bound by FormBinder); the formats are constraints, the rest rules. */
    record NewRound(
            String kind,
            String commission,
            @jakarta.validation.constraints.Pattern(regexp = "^[A-Za-z0-9_-]{2,40}$",
                    message = "submission.calendar.error.codeFormat") String code,
            @jakarta.validation.constraints.Pattern(regexp = "^[A-Za-z0-9_]{1,20}$",
                    message = "submission.calendar.error.cycleFormat") String cycle,
            String name,
            String deadline) {
    }

    /** A round's name and deadline, the two things that may change while it is open. */
    record RoundChange(String name, String deadline) {
    }

    private static void rejectName(String name, Errors errors) {
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.rejectValue("name", "submission.calendar.error.name", new Object[] {NAME_MAX}, null);
        }
    }

    private static LocalDate deadline(String value, Errors errors) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.rejectValue("deadline", "submission.calendar.error.deadline");
            return null;
        }
    }

    private static Optional<RoundKind> parseKind(String value) {
        for (RoundKind kind : RoundKind.values()) {
            if (kind.name().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> values(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : new String[] {"kind", "commission", "code", "cycle", "name", "deadline"}) {
            String value = form.getFirst(field);
            values.put(field, value == null ? "" : value.strip());
        }
        return values;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
