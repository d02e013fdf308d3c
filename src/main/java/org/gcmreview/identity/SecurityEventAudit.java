package org.gcmreview.identity;

import org.gcmreview.audit.LogText;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins, failed sign-ins and sign-outs go into the audit log (Spring Security publishes them as events).
 * Locks placed by login throttling are recorded where they are placed (org.gcmreview.identity.LoginThrottle),
 * refused requests by {@link AccessDeniedAudit}. Passwords are never part of an entry.
 */
@Component
class SecurityEventAudit {

    static final String SUBJECT = "sign_in";
    private static final int MAX_ACTOR = 80;

    private final AuditLog audit;

    SecurityEventAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String country = authentication.getPrincipal() instanceof SignedInUser user ? user.user().countryIso3() : null;
        audit.record(AuditEntry.of(actor(authentication), "LOGIN_SUCCEEDED", country, SUBJECT,
                clientAddress(authentication), "signed in"));
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        audit.record(AuditEntry.of(actor(attempt), "LOGIN_FAILED", null, SUBJECT, clientAddress(attempt),
                reason(event.getException())));
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String country = authentication.getPrincipal() instanceof SignedInUser user ? user.user().countryIso3() : null;
        audit.record(AuditEntry.of(actor(authentication), "LOGOUT", country, SUBJECT, clientAddress(authentication),
                "signed out"));
    }

    private static String reason(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return "refused: signing in is paused after too many failed attempts";
        }
        if (exception instanceof BadCredentialsException) {
            return "wrong user name or password";
        }
        if (exception instanceof DisabledException) {
            return "account disabled";
        }
        return exception.getClass().getSimpleName();
    }

    /** The user name as typed (for a failure) or as signed in; only the name, never the credentials. */
    private static String actor(Authentication authentication) {
        String name = authentication == null || authentication.getName() == null ? "anonymous"
                : authentication.getName().strip();
        return name.length() <= MAX_ACTOR ? name : name.substring(0, MAX_ACTOR);
    }

    private static String clientAddress(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details
                ? LogText.ipAddress(details.getRemoteAddress()).orElse(null) : null;
    }
}
