package org.gcmreview.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A PENDING account (signed in through a provider that did not say what the person is) reaches the page saying
 * it waits for approval, signing out, and what that page needs; every other request, public pages included, is
 * sent there. Not a Spring bean: it runs inside the security chains, after RightsCheck (an approval changes the
 * role, so the session ends and the next sign-in brings the new rights).
 */
public class PendingAccountGate extends OncePerRequestFilter {

    static final String PAGE = "/account/pending";
    private static final Set<String> ALLOWED = Set.of(PAGE, "/logout", "/language", "/error", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean pending = SignedInUser.current().filter(user -> user.is(Role.PENDING)).isPresent();
        if (!pending || ALLOWED.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/images/")) {
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
