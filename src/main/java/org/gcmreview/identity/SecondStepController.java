package org.gcmreview.identity;

import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The second step of signing in: a code from the authenticator, or a recovery code. Wrong codes count like wrong
 * passwords (LoginThrottle) under a name of their own, so a right password does not forgive them; once locked,
 * the halfway sign-in ends and the password is asked again, after the lock.
 */
@Controller
class SecondStepController {

    /** The throttling name of a user's codes: their user name's failures are the password's. */
    static String throttleName(SignedInUser user) {
        return "second factor: " + user.getUsername();
    }

    private final TwoFactor twoFactor;
    private final SecondFactorSignIn signIn;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    SecondStepController(TwoFactor twoFactor, SecondFactorSignIn signIn, LoginThrottle throttle, AuditLog audit) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.throttle = throttle;
        this.audit = audit;
    }

    @GetMapping(SecondFactorGate.CODE_PAGE)
    String form(Model model) {
        if (codeDue().isEmpty()) {
            return SignedInUser.current().isPresent() ? "redirect:/tasks" : "redirect:/login";
        }
        model.addAttribute("wrong", false);
        return "identity/code";
    }

    @PostMapping(SecondFactorGate.CODE_PAGE)
    String check(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SecondFactorPending> due = codeDue();
        if (due.isEmpty()) {
            return "redirect:/login";
        }
        SignedInUser user = due.get().getPrincipal();
        String address = request.getRemoteAddr();
        String name = throttleName(user);
        if (throttle.lockedUntil(name, address).isPresent()) {
            return lockedOut(request);
        }
        TwoFactor.Check check = twoFactor.check(user.user(), code);
        if (check == TwoFactor.Check.WRONG) {
            audit.record(AuditEntry.of(user.getUsername(), "TWO_FACTOR_FAILED", user.user().countryIso3(), "app_user",
                    user.user().id(), "wrong, used or expired code"));
            if (!throttle.recordFailure(name, address).isEmpty()) {
                return lockedOut(request);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("wrong", true);
            return "identity/code";
        }
        throttle.recordSuccess(name, address);
        audit.record(AuditEntry.of(user.getUsername(), "TWO_FACTOR_SUCCEEDED", user.user().countryIso3(), "app_user",
                user.user().id(), check == TwoFactor.Check.CODE ? "authenticator code" : "recovery code"));
        return "redirect:" + signIn.complete(due.get(), request, response);
    }

    private static Optional<SecondFactorPending> codeDue() {
        return SecondFactorSignIn.pending().filter(p -> p.stage() == SecondFactorPending.Stage.CODE);
    }

    /** The halfway sign-in ends: signing in starts again with the password, once the lock is over. */
    private static String lockedOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login?locked";
    }
}
