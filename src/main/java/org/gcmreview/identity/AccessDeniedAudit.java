package org.gcmreview.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.audit.LogText;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every refused request (HTTP 403) in the audit log: URL rules, method security, a feature's own check
 * (AccessDeniedException or a 403 status) and a missing or wrong CSRF token all end in a 403, so this one place
 * sees them all. Placed in each security filter chain just inside the filter that holds the signed-in user, so it
 * knows who was refused. Not a Spring bean: it must not also run as a plain servlet filter.
 */
public class AccessDeniedAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedAudit.class);
    private static final int MAX_PATH = 300;

    private final AuditLog audit;

    public AccessDeniedAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            record(request);
        }
    }

    private void record(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        String actor = signedIn ? authentication.getName() : "anonymous";
        String country = signedIn && authentication.getPrincipal() instanceof SignedInUser user
                ? user.user().countryIso3() : null;
        // the path only: a query string may carry tokens
        String path = request.getRequestURI();
        if (path.length() > MAX_PATH) {
            path = path.substring(0, MAX_PATH) + "...";
        }
        try {
            audit.record(AuditEntry.of(actor, "ACCESS_DENIED", country, "http_request", null,
                    request.getMethod() + " " + path + " from "
                            + LogText.ipAddress(request.getRemoteAddr()).orElse("unknown")));
        } catch (DataAccessException e) {
            // the refusal stands whether or not it could be written down
            log.warn("Could not audit a refused {} {} by {}", LogText.neutral(request.getMethod()),
                    LogText.neutral(path), LogText.neutral(actor), e);
        }
    }
}
