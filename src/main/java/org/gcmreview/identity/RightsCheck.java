package org.gcmreview.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change of rights takes effect on the next request, on every node: a signed-in session remembers its user's
 * rights_version from sign-in, and a request whose user has since been disabled, deleted or given another role,
 * country, ministry, organisation or commission (the database bumps the version, db/V120) ends that session and
 * goes on as an anonymous request, which the URL rules then send to sign in. One primary-key read per
 * signed-in request; anonymous requests cost nothing. Not a Spring bean: it runs inside the security chains.
 */
public class RightsCheck extends OncePerRequestFilter {

    private final UserAccountRepository accounts;

    public RightsCheck(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            Optional<Long> current = accounts.rightsVersion(signedIn.user().id());
            if (current.isEmpty() || current.get() != signedIn.rightsVersion()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
