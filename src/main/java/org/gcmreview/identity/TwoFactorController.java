package org.gcmreview.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A user's own two-factor sign-in: set up an authenticator (the secret as text and as a QR code), confirm it
 * with a code and get the recovery codes, shown this once, or turn it off with a code. Reached signed in, or
 * halfway through signing in when the user's country requires it and it is not set up yet; confirming then
 * completes the sign-in. Stakeholders' organisations have no such pages (404 would hide nothing: 403).
 */
@Controller
class TwoFactorController {

    private final TwoFactor twoFactor;
    private final SecondFactorSignIn signIn;
    private final MessageSource messages;

    TwoFactorController(TwoFactor twoFactor, SecondFactorSignIn signIn, MessageSource messages) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.messages = messages;
    }

    @GetMapping(SecondFactorGate.ENROLMENT_PAGE)
    String page(Model model) {
        CurrentUser user = who();
        model.addAttribute("account", user);
        model.addAttribute("enrolled", twoFactor.enrolled(user.id()));
        model.addAttribute("required", twoFactor.requiredFor(user));
        model.addAttribute("halfway", SecondFactorSignIn.pending().isPresent());
        model.addAttribute("recoveryCodesLeft", twoFactor.unusedRecoveryCodes(user.id()));
        return "identity/two-factor";
    }

    @PostMapping(SecondFactorGate.ENROLMENT_PAGE + "/enrolment")
    String start(Model model) {
        CurrentUser user = who();
        Optional<TwoFactor.Enrolment> enrolment = twoFactor.startEnrolment(user);
        if (enrolment.isEmpty()) {
            return "redirect:" + SecondFactorGate.ENROLMENT_PAGE;
        }
        return enrolmentPage(model, enrolment.get(), false);
    }

    @PostMapping(SecondFactorGate.ENROLMENT_PAGE + "/confirmation")
    String confirm(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        CurrentUser user = who();
        Optional<List<String>> recoveryCodes = twoFactor.confirm(user, code);
        if (recoveryCodes.isEmpty()) {
            Optional<TwoFactor.Enrolment> enrolment = twoFactor.pendingEnrolment(user);
            if (enrolment.isEmpty()) {
                return "redirect:" + SecondFactorGate.ENROLMENT_PAGE;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return enrolmentPage(model, enrolment.get(), true);
        }
        // halfway through signing in (the country requires it): setting it up was the second step
        String next = SecondFactorSignIn.pending().map(p -> signIn.complete(p, request, response)).orElse("/tasks");
        model.addAttribute("recoveryCodes", recoveryCodes.get());
        model.addAttribute("next", next);
        return "identity/recovery-codes";
    }

    @PostMapping(SecondFactorGate.ENROLMENT_PAGE + "/disabled")
    String turnOff(@RequestParam(required = false) String code, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        refuseStakeholders(user);
        if (twoFactor.requiredFor(user)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "people.twoFactor.error.required");
            return page(model);
        }
        if (!twoFactor.enrolled(user.id())) {
            return "redirect:" + SecondFactorGate.ENROLMENT_PAGE;
        }
        if (twoFactor.check(user, code) == TwoFactor.Check.WRONG) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "people.twoFactor.error.code");
            return page(model);
        }
        twoFactor.turnOff(user, user.username());
        redirect.addFlashAttribute("flash", messages.getMessage("people.twoFactor.turnedOff", null,
                LocaleContextHolder.getLocale()));
        return "redirect:" + SecondFactorGate.ENROLMENT_PAGE;
    }

    /** New recovery codes (the old ones stop working), after a current code: shown once, like the first ones. */
    @PostMapping(SecondFactorGate.ENROLMENT_PAGE + "/recovery-codes")
    String renewRecoveryCodes(@RequestParam(required = false) String code, CurrentUser user, Model model,
            HttpServletResponse response) {
        refuseStakeholders(user);
        Optional<List<String>> codes = twoFactor.renewRecoveryCodes(user, code);
        if (codes.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "people.twoFactor.error.code");
            return page(model);
        }
        model.addAttribute("recoveryCodes", codes.get());
        model.addAttribute("next", SecondFactorGate.ENROLMENT_PAGE);
        return "identity/recovery-codes";
    }

    private String enrolmentPage(Model model, TwoFactor.Enrolment enrolment, boolean wrong) {
        model.addAttribute("secret", grouped(enrolment.secret()));
        model.addAttribute("uri", enrolment.uri());
        model.addAttribute("qr", QrCode.of(enrolment.uri()));
        model.addAttribute("wrong", wrong);
        return "identity/enrol";
    }

    /** The secret in groups of four, easier to type; apps ignore the blanks. */
    private static String grouped(String secret) {
        return String.join(" ", secret.split("(?<=\\G.{4})"));
    }

    /** The signed-in user, or the one halfway whose country requires two-factor sign-in and who sets it up now. */
    private static CurrentUser who() {
        CurrentUser user = SignedInUser.current()
                .or(() -> SecondFactorSignIn.pending().filter(p -> p.stage() == SecondFactorPending.Stage.ENROLMENT)
                        .map(p -> p.getPrincipal().user()))
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Sign in required"));
        refuseStakeholders(user);
        return user;
    }

    private static void refuseStakeholders(CurrentUser user) {
        if (!TwoFactor.offeredTo(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
