package org.gcmreview.submission.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.AccessDeniedAudit;
import org.gcmreview.identity.RightsCheck;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Security of the secretariats' read-only JSON API (/api/secretariat/**), a filter chain of its own before the
 * application's: a bearer token or the browser session signs the caller in, only GET is served (there is no
 * state-changing endpoint, so CSRF stays on and simply never applies), and failures answer with JSON status
 * codes instead of the login page.
 */
@Configuration(proxyBeanMethods = false)
class SecretariatApiSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain secretariatApiFilterChain(HttpSecurity http, ApiTokens tokens, UserDetailsService users,
            AuditLog audit, UserAccountRepository accounts) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/secretariat/**"))
                .addFilterBefore(new BearerTokenFilter(tokens, users, audit), AnonymousAuthenticationFilter.class)
                // every refusal is audited, as in the application's own chains
                .addFilterAfter(new AccessDeniedAudit(audit), SecurityContextHolderFilter.class)
                // a browser session of a user whose rights changed ends here too
                .addFilterAfter(new RightsCheck(accounts), AccessDeniedAudit.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/secretariat/**")
                        .hasAnyRole(Role.REGIONAL_SECRETARIAT.name(), Role.IMRF_SECRETARIAT.name())
                        .anyRequest().denyAll())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response, null,
                                "Sign in, or send Authorization: Bearer <token>."))
                        .accessDeniedHandler((request, response, e) -> json(response, HttpServletResponse.SC_FORBIDDEN,
                                "forbidden", "This is for the regional and IMRF secretariats, each for its own rounds.")));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, String bearerError, String message) throws IOException {
        response.setHeader("WWW-Authenticate", bearerError == null ? "Bearer realm=\"gcm-review\""
                : "Bearer realm=\"gcm-review\", error=\"" + bearerError + "\"");
        json(response, HttpServletResponse.SC_UNAUTHORIZED, bearerError == null ? "unauthorized" : bearerError, message);
    }

    private static void json(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // fixed texts only, so no escaping is needed
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message
                + "\"}");
    }
}
