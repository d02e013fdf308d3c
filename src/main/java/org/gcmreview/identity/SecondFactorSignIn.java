package org.gcmreview.identity;

import java.time.Instant;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The step after the password. A user with an authenticator, or whose country requires one, gets a halfway
 * sign-in ({@link SecondFactorPending}) instead of a full one; the code (or setting up the authenticator)
 * completes it. Completing gives the session a new id, like the password step did, so an id seen halfway is worth
 * nothing afterwards. Where the user goes then is only ever a page of this application: the one they asked for
 * before signing in (remembered by the server), or their task list; nothing a request names.
 */
@Component
public class SecondFactorSignIn {

    private final TwoFactor twoFactor;
    private final AuditLog audit;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final RequestCache requests = new HttpSessionRequestCache();
    private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

    SecondFactorSignIn(TwoFactor twoFactor, AuditLog audit) {
        this.twoFactor = twoFactor;
        this.audit = audit;
        onward.setDefaultTargetUrl("/tasks");
    }

    /** For the password form: a full sign-in, or halfway when a second factor is due. */
    public AuthenticationSuccessHandler afterPassword() {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof SignedInUser user) {
                SecondFactorPending.Stage stage = twoFactor.enrolled(user.user().id()) ? SecondFactorPending.Stage.CODE
                        : twoFactor.requiredFor(user.user()) ? SecondFactorPending.Stage.ENROLMENT : null;
                if (stage != null) {
                    SecondFactorPending pending = new SecondFactorPending(user, stage, Instant.now());
                    pending.setDetails(authentication.getDetails());
                    save(pending, request, response);
                    audit.record(AuditEntry.of(user.getUsername(), "TWO_FACTOR_DUE", user.user().countryIso3(),
                            "app_user", user.user().id(), stage == SecondFactorPending.Stage.CODE
                                    ? "password right; a code is due" : "password right; the country requires "
                                            + "two-factor sign-in, which is yet to be set up"));
                    response.sendRedirect(request.getContextPath() + (stage == SecondFactorPending.Stage.CODE
                            ? SecondFactorGate.CODE_PAGE : SecondFactorGate.ENROLMENT_PAGE));
                    return;
                }
            }
            onward.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The halfway sign-in of this request, if it is one. */
    public static java.util.Optional<SecondFactorPending> pending() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof SecondFactorPending pending
                ? java.util.Optional.of(pending) : java.util.Optional.empty();
    }

    /**
     * Makes the halfway sign-in a full one, under a new session id, and tells where to go next: the path (and
     * query) of the page asked for before signing in, or the task list. A path of this application only, so no
     * Host header or parameter can turn it into a redirect elsewhere.
     */
    String complete(SecondFactorPending pending, HttpServletRequest request, HttpServletResponse response) {
        SignedInUser user = pending.getPrincipal();
        UsernamePasswordAuthenticationToken full = UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities());
        full.setDetails(pending.getDetails());
        request.changeSessionId();
        save(full, request, response);
        SavedRequest asked = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        if (asked instanceof DefaultSavedRequest saved && "GET".equals(saved.getMethod())
                && saved.getRequestURI().startsWith(request.getContextPath() + "/")
                && !saved.getRequestURI().startsWith("//")) {
            String path = saved.getRequestURI().substring(request.getContextPath().length());
            return path + (saved.getQueryString() == null ? "" : "?" + saved.getQueryString());
        }
        return "/tasks";
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
