package org.gcmreview.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.consultation.organisation.Organisations;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.SignedInUser;
import org.gcmreview.web.PublicPages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public side of national consultations: the list, each consultation's announcement with the input forms
 * (verified organisations; individuals where allowed), the e-mail confirmation of an individual's input, and
 * the "what we heard and what we did" report after the window.
 * <p>Larger than 250 lines for now: the public pages of one consultation share its public lookup and refusal pages;
 * the 'what we heard' report is the next to move out if it grows.
 */
@Controller
class ConsultationPageController {

    /** Which of the page's two forms a set of errors belongs to. */
    static final String ORGANISATION_FORM = "organisation";
    static final String INDIVIDUAL_FORM = "individual";
    /**
     * The reference of the input an organisation's user just sent, for the page the POST redirects to. A cookie
     * rather than a flash attribute: the flash map was a session attribute written on every input and deleted on
     * the next page (two statements and a serialized map each time, issue 19.1). The page shows it only when it
     * is among the signed-in user's own inputs, which it lists anyway, so a cookie set by hand shows nobody
     * else's input; and it clears the cookie, so the receipt shows once, as the flash message did.
     */
    static final String RECEIPT_COOKIE = "gcm-receipt";
    private static final Duration RECEIPT_COOKIE_AGE = Duration.ofMinutes(10);

    private final ReviewCycles cycles;
    private final ConsultationWindows windows;
    private final ConsultationAnnouncements announcements;
    private final ConsultationInputs consultationInputs;
    private final Organisations organisations;
    private final InputIntake intake;
    private final InputReceipts receipts;
    private final WhatWeHeard whatWeHeard;
    private final RetryAfter retryAfter;
    private final InputAttachments attachments;
    private final ConsultationMessages messages;
    private final PublicPages publicPages;
    private final WhatWeHeardStamps whatWeHeardStamps;
    /**
     * Whether receipts go out by mail (the receipt then says so): read once here, not by the page from the
     * Environment, whose look-up locks the system properties on every receipt shown (issue 19.1, JFR).
     */
    private final boolean mailEnabled;

    ConsultationPageController(ReviewCycles cycles, ConsultationWindows windows,
            ConsultationAnnouncements announcements, ConsultationInputs consultationInputs, Organisations organisations,
            InputIntake intake, InputReceipts receipts, WhatWeHeard whatWeHeard, RetryAfter retryAfter,
            InputAttachments attachments, ConsultationMessages messages, PublicPages publicPages,
            WhatWeHeardStamps whatWeHeardStamps, @Value("${gcm.mail.enabled:false}") boolean mailEnabled) {
        this.cycles = cycles;
        this.mailEnabled = mailEnabled;
        this.publicPages = publicPages;
        this.whatWeHeardStamps = whatWeHeardStamps;
        this.windows = windows;
        this.announcements = announcements;
        this.consultationInputs = consultationInputs;
        this.organisations = organisations;
        this.intake = intake;
        this.receipts = receipts;
        this.whatWeHeard = whatWeHeard;
        this.retryAfter = retryAfter;
        this.attachments = attachments;
        this.messages = messages;
    }

    @GetMapping("/consultations")
    String list(Model model) {
        model.addAttribute("announcements", announcements.announcements());
        model.addAttribute("now", Instant.now());
        return "consultation/list";
    }

    @GetMapping("/consultations/{businessKey}")
    String page(@PathVariable String businessKey,
            @CookieValue(name = RECEIPT_COOKIE, required = false) String receipt, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        ReviewCycle cycle = cycle(businessKey);
        // show() reads the window, and answers "not found" without one
        show(cycle, model, null, new LinkedMultiValueMap<>(), Map.of(), receipt);
        if (receipt != null && !receipt.isEmpty()) {
            response.addHeader(HttpHeaders.SET_COOKIE, receiptCookie(cycle, "", Duration.ZERO, request).toString());
        }
        return "consultation/public";
    }

    @PostMapping("/consultations/{businessKey}/inputs")
    String submit(@PathVariable String businessKey, @RequestParam MultiValueMap<String, String> fields,
            @RequestParam(name = "attachment", required = false) MultipartFile attachment, CurrentUser user,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        // the intake reads (and share-locks) the window, and answers "not found" without one
        ReviewCycle cycle = cycle(businessKey);
        InputIntake.InputResult result = intake.submit(cycle, user, inputRequest(fields, attachment, request));
        if (result instanceof InputIntake.InputResult.Received received) {
            response.addHeader(HttpHeaders.SET_COOKIE,
                    receiptCookie(cycle, received.reference(), RECEIPT_COOKIE_AGE, request).toString());
            return "redirect:/consultations/" + cycle.businessKey();
        }
        return answer(cycle, result, ORGANISATION_FORM, fields, model, response, redirect);
    }

    @PostMapping("/consultations/{businessKey}/individual-inputs")
    String submitAsIndividual(@PathVariable String businessKey, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ReviewCycle cycle = cycle(businessKey);
        InputIntake.InputResult result = intake.submitAsIndividual(cycle, inputRequest(fields, null, request));
        return answer(cycle, result, INDIVIDUAL_FORM, fields, model, response, redirect);
    }

    /** Only for this consultation's page, never to scripts or other sites. */
    private static ResponseCookie receiptCookie(ReviewCycle cycle, String reference, Duration maxAge,
            HttpServletRequest request) {
        return ResponseCookie.from(RECEIPT_COOKIE, reference).path("/consultations/" + cycle.businessKey())
                .maxAge(maxAge).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build();
    }

    private static InputIntake.InputRequest inputRequest(MultiValueMap<String, String> fields, MultipartFile attachment,
            HttpServletRequest request) {
        return new InputIntake.InputRequest(fields.getFirst("target"), fields.getFirst("body"),
                fields.getFirst("language"), fields.getFirst("idempotencyKey"), fields.getFirst("authorName"),
                fields.getFirst("authorEmail"), request.getRemoteAddr(), new InputAttachments.Upload(attachment));
    }

    private String answer(ReviewCycle cycle, InputIntake.InputResult result, String form,
            MultiValueMap<String, String> fields, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result instanceof InputIntake.InputResult.Received received) {
            // an individual's receipt (a confirmed input sent again): no list of their own to check a cookie against
            redirect.addFlashAttribute("receipt", received.reference());
            return "redirect:/consultations/" + cycle.businessKey();
        }
        if (result instanceof InputIntake.InputResult.Held held) {
            redirect.addFlashAttribute("held", held.email());
            return "redirect:/consultations/" + cycle.businessKey();
        }
        Map<String, String> errors;
        if (result instanceof InputIntake.InputResult.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            errors = invalid.errors();
        } else if (result instanceof InputIntake.InputResult.Refused refused) {
            response.setStatus(refused.status().value());
            errors = Map.of("form", refused.message());
        } else {
            InputIntake.InputResult.Throttled throttled = (InputIntake.InputResult.Throttled) result;
            errors = Map.of("form", retryAfter.explain(throttled.retryAt(), response, "consultation.error.rateLimited"));
        }
        return reshow(cycle, model, form, fields, errors);
    }

    /** The page again with what was typed, so a refusal never costs the stakeholder their text. */
    private String reshow(ReviewCycle cycle, Model model, String form, MultiValueMap<String, String> fields,
            Map<String, String> errors) {
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>(fields);
        values.remove("_csrf");
        show(cycle, model, form, values, errors, null);
        return "consultation/public";
    }

    /** @param receipt the reference of an input just sent (the receipt cookie), shown if it is the user's own */
    private void show(ReviewCycle cycle, Model model, String form, MultiValueMap<String, String> values,
            Map<String, String> errors, String receipt) {
        CurrentUser user = SignedInUser.current().orElse(null);
        ConsultationWindows.WindowWithExtensions shown = windows.windowWithExtensions(cycle.id(),
                user == null ? null : user.organisationId()).orElseThrow(ConsultationPageController::notFound);
        ConsultationWindow window = shown.window();
        InputIntake.Eligibility eligibility = InputIntake.eligibility(cycle, user, shown.organisation());
        Instant now = Instant.now();
        OpenTargets open = shown.open();
        model.addAttribute("cycle", cycle);
        model.addAttribute("window", window);
        boolean accepting = window.acceptsInputs(now);
        boolean individualForm = window.allowIndividuals() && eligibility != InputIntake.Eligibility.ELIGIBLE;
        model.addAttribute("accepting", accepting);
        model.addAttribute("beforeOpening", window.beforeOpening(now));
        model.addAttribute("objectives", open.openObjectives().stream()
                .map(o -> new ObjectiveChoice(o.number(), messages.objectiveTitled(o.number(), o.shortTitle())))
                .toList());
        model.addAttribute("sections", open.openSections());
        model.addAttribute("extensions", shown.extensions());
        model.addAttribute("languages", InputLanguages.ALL);
        model.addAttribute("eligibility", eligibility.name());
        model.addAttribute("individualForm", individualForm);
        model.addAttribute("steering", user != null && user.is(Role.COORDINATOR)
                && user.belongsToCountry(cycle.countryIso3()));
        if (eligibility == InputIntake.Eligibility.REJECTED) {
            model.addAttribute("rejectionReason", organisations.find(user.organisationId())
                    .map(o -> o.rejectionReason()).orElse(""));
        }
        List<ConsultationInput> mine = eligibility == InputIntake.Eligibility.ELIGIBLE
                ? consultationInputs.inputsBy(window.id(), user.id()) : List.of();
        model.addAttribute("myInputs", mine.isEmpty() ? List.of() : MyInputRow.of(mine,
                attachments.of(mine.stream().map(ConsultationInput::id).toList(), user), messages));
        if (receipt != null && mine.stream().anyMatch(i -> i.reference().equals(receipt))) {
            model.addAttribute("receipt", receipt);
        }
        model.addAttribute("attachmentHint", attachments.hint());
        model.addAttribute("attachmentAccept", attachments.accept());
        // a form shown again keeps its key, so sending it once more is still the same submission
        // and only a form the page shows gets one: each new key draws on the JDK's one shared SecureRandom, which
        // the page's threads queued on at 32 clients (issue 19.1, JFR)
        model.addAttribute("organisationKey", eligibility == InputIntake.Eligibility.ELIGIBLE && accepting
                ? keyFor(ORGANISATION_FORM, form, values) : null);
        model.addAttribute("individualKey", individualForm && accepting ? keyFor(INDIVIDUAL_FORM, form, values) : null);
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        // the page's fixed texts with arguments, kept once formatted (ConsultationMessages.kept)
        model.addAttribute("pageTitle", messages.kept("consultation.public.title", cycle.title()));
        model.addAttribute("heading", messages.kept("consultation.public.heading", ""));
        model.addAttribute("intro", messages.kept("consultation.public.intro", cycle.countryName()));
        model.addAttribute("bodyHint", messages.kept("consultation.form.bodyHint", InputIntake.BODY_MIN,
                InputIntake.BODY_MAX));
        model.addAttribute("mailEnabled", mailEnabled);
        model.addAttribute("bodyMin", InputIntake.BODY_MIN);
        model.addAttribute("bodyMax", InputIntake.BODY_MAX);
        model.addAttribute("nameMax", InputIntake.NAME_MAX);
    }

    /** An objective open for input, as the page lists it and offers it in the form. */
    record ObjectiveChoice(int number, String label) {
    }

    private static String keyFor(String thisForm, String form, MultiValueMap<String, String> values) {
        String key = thisForm.equals(form) ? values.getFirst("idempotencyKey") : null;
        return InputIntake.idempotencyKey(key).orElseGet(UUID::randomUUID).toString();
    }

    @GetMapping("/consultations/confirm")
    String confirmation(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        InputReceipts.PendingInput pending = receipts.pending(token).orElse(null);
        if (pending == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", messages.get("consultation.confirm.error.unknown"));
        } else if (pending.expired()) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("problem", messages.get("consultation.confirm.error.expiredShort"));
        } else {
            model.addAttribute("pending", pending);
            model.addAttribute("token", token);
        }
        return "consultation/confirm";
    }

    @PostMapping("/consultations/confirm")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        InputIntake.InputResult result = receipts.confirm(token);
        if (result instanceof InputIntake.InputResult.Received received) {
            model.addAttribute("receipt", received.reference());
            model.addAttribute("mailEnabled", mailEnabled);
        } else if (result instanceof InputIntake.InputResult.Refused refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("problem", refused.message());
        }
        return "consultation/confirm";
    }

    /** Duplicate groups per page of the "what we heard" report. */
    static final int GROUPS_PER_PAGE = 20;

    /**
     * What we heard: the stamp names everything the page shows (the window, its inputs' count and latest change,
     * the cycle's title), so an anonymous reader gets the copy rendered by the first reader of that state.
     */
    @GetMapping("/consultations/{businessKey}/what-we-heard")
    ModelAndView whatWeHeard(@PathVariable String businessKey, @RequestParam(required = false) Integer page,
            ServletWebRequest request) {
        ReviewCycle cycle = cycle(businessKey);
        // only a consultation that has been announced exists here
        ConsultationWindow window = windows.windowOf(cycle.id()).orElseThrow(ConsultationPageController::notFound);
        return publicPages.page(request, "consultation/what-we-heard",
                "/consultations/" + cycle.businessKey() + "/what-we-heard", () -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("cycle", cycle);
                    model.put("window", window);
                    if (window.closed()) {
                        WhatWeHeard.Report report = whatWeHeard.report(window);
                        model.put("report", report);
                        model.put("groups", PageOf.of(report.groups(), page, GROUPS_PER_PAGE));
                        model.put("barWidth", WhatWeHeard.BAR_WIDTH);
                    }
                    return model;
                }, cycle.id(), cycle.title(), whatWeHeardStamps.stamp(window), page);
    }

    private ReviewCycle cycle(String businessKey) {
        return cycles.findByBusinessKey(businessKey).orElseThrow(ConsultationPageController::notFound);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no consultation with this name.");
    }
}
