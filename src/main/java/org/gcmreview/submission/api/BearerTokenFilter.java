package org.gcmreview.submission.api;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in by its {@code Authorization: Bearer <token>} header, for that request only (nothing is
 * put in a session). The user is loaded exactly as at form login, so controllers see the same CurrentUser. A
 * request that presents a token which does not work is refused with 401 at once: it never falls back to a
 * session cookie that happens to come along.
 *
 * <p>Not a Spring bean on purpose: as a bean, Spring Boot would also register it for every request of the app.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final UserDetailsService users;
    private final AuditLog audit;

    BearerTokenFilter(ApiTokens tokens, UserDetailsService users, AuditLog audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<UserDetails> user = tokens.authenticate(header.substring(BEARER.length()).strip())
                .flatMap(this::load);
        if (user.isEmpty()) {
            SecretariatApiSecurity.unauthorized(response, "invalid_token",
                    "The token is unknown, revoked or no longer matches its user's role.");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                user.get().getAuthorities()));
        // for this request only: SecurityContextHolderFilter clears it when the request ends, and nothing saves it
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<UserDetails> load(ApiTokens.Owner owner) {
        try {
            UserDetails details = users.loadUserByUsername(owner.username());
            if (details instanceof CredentialsContainer credentials) {
                credentials.eraseCredentials();
            }
            return details.isEnabled() ? Optional.of(details) : Optional.empty();
        } catch (UsernameNotFoundException e) {
            audit.record(AuditEntry.of(owner.username(), "API_TOKEN_USER_MISSING", null, "secretariat_api_token",
                    owner.tokenId(), null));
            return Optional.empty();
        }
    }
}
