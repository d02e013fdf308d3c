package org.gcmreview.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Keeps a sign-in that is halfway ({@link SecondFactorPending}) on the pages of its stage: the code page, or
 * setting up the authenticator; every other page sends it back there. Halfway lasts a few minutes; after that the
 * session ends and the password is asked again. Not a Spring bean: it runs inside the security chain, after
 * RightsCheck.
 */
public class SecondFactorGate extends OncePerRequestFilter {

    static final Duration HALFWAY = Duration.ofMinutes(10);
    static final String CODE_PAGE = "/login/code";
    static final String ENROLMENT_PAGE = "/account/two-factor";

    /** Reachable halfway whatever the stage: leaving, and what every page needs to look right. */
    private static final Set<String> ALWAYS = Set.of("/logout", "/language", "/error", "/favicon.ico");
    private static final Set<String> ENROLMENT = Set.of(ENROLMENT_PAGE, ENROLMENT_PAGE + "/enrolment",
            ENROLMENT_PAGE + "/confirmation", ENROLMENT_PAGE + "/done");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof SecondFactorPending pending)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (pending.since().plus(HALFWAY).isBefore(Instant.now())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        boolean allowed = ALWAYS.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/")
                || (pending.stage() == SecondFactorPending.Stage.CODE ? CODE_PAGE.equals(path) : ENROLMENT.contains(path));
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath()
                + (pending.stage() == SecondFactorPending.Stage.CODE ? CODE_PAGE : ENROLMENT_PAGE));
    }
}
