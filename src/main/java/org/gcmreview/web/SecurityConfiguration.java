package org.gcmreview.web;

import java.util.Map;

import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.AccessDeniedAudit;
import org.gcmreview.identity.PendingAccountGate;
import org.gcmreview.identity.RightsCheck;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.SecondFactorGate;
import org.gcmreview.identity.SecondFactorSignIn;
import org.gcmreview.identity.SingleSignOn;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. URL rules give the coarse cut (public, signed in, role); the feature services
 * check the finer one (this country, this ministry, this regional commission).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * Spring Security's own observations wrap each of its filters in a timed observation on every request; no
     * metric or trace of the application reads them (Prometheus has Spring MVC's http.server.requests), and in the
     * profile of the input form they were a tenth of each request's CPU (issue 19.1, docs/benchmarks.md).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Camunda's Cockpit, read-only, for ADMIN only (org.gcmreview.web.CamundaCockpitAccess): reads and job retries
     * get through, Tasklist, Admin and every other engine write get 403, and a retry is audited. Cockpit sends
     * its own CSP and CSRF protection, so ours would only break it. An administrator signed in here is signed in
     * there too (org.gcmreview.identity.CamundaWebappSignOn). The matchers look at the whole path: Camunda's REST
     * API runs in servlets of its own (/camunda/api/*), which a Spring MVC pattern would not match.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebappsFilterChain(HttpSecurity http, AuditLog audit, UserAccountRepository accounts)
            throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(CamundaCockpitAccess.removedWebapps()).denyAll()
                        .requestMatchers(CamundaCockpitAccess.reads()).hasRole(Role.ADMIN.name())
                        .requestMatchers(CamundaCockpitAccess.retries()).hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login"))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .addFilterAfter(new AccessDeniedAudit(audit), SecurityContextHolderFilter.class)
                .addFilterAfter(new RightsCheck(accounts), AccessDeniedAudit.class)
                .addFilterAfter(new SecondFactorGate(), RightsCheck.class)
                .addFilterAfter(new CamundaCockpitAccess.Audit(audit), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationFilterChain(HttpSecurity http, AuditLog audit, MessageSource messages,
            UserAccountRepository accounts, SecondFactorSignIn secondFactor, SingleSignOn singleSignOn)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/images/**", "/favicon.ico",
                                "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/reference/**", "/api/reference/**",
                                "/published/**", "/consultations/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/language").permitAll()
                        // stakeholder consultation: registration, individuals' inputs and their e-mail confirmation
                        .requestMatchers("/organisations/register").permitAll()
                        .requestMatchers(HttpMethod.POST, "/consultations/*/individual-inputs", "/consultations/confirm")
                                .permitAll()
                        // setting a password through a single-use link (org.gcmreview.people): the token is the key
                        .requestMatchers("/password").permitAll()
                        // asking for a reset link: the same answer whether the account exists (org.gcmreview.people)
                        .requestMatchers("/password/forgotten").permitAll()
                        // a person's mail settings through the signed link in a notice mail (org.gcmreview.notices)
                        .requestMatchers("/notices/mail-settings").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        // a country's ministries and focal points: its coordinator (org.gcmreview.people)
                        .requestMatchers("/country/**").hasRole(Role.COORDINATOR.name())
                        .requestMatchers("/secretariat/**").hasAnyRole(Role.REGIONAL_SECRETARIAT.name(),
                                Role.IMRF_SECRETARIAT.name())
                        .anyRequest().authenticated())
                // after the password: the task list (or the page asked for), or first the second factor when one is
                // set up or the user's country requires it (org.gcmreview.identity.SecondFactorSignIn)
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactor.afterPassword())
                        .failureHandler(signInFailures()).permitAll())
                // signing out of a single sign-on ends the session at the provider too, if it offers that
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(singleSignOn.logoutSuccess())
                        .permitAll())
                // a missing or stale CSRF token gets a page that says so (org.gcmreview.web.CsrfRefusal)
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new CsrfRefusal(messages)))
                // Session fixation protection is Spring Security's default (a new session id at sign-in); it
                // works on the database-backed sessions too (org.gcmreview.cluster).
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'"
                                        + singleSignOn.formActionSources() + "; base-uri 'self'"))
                        .referrerPolicy(ref -> ref.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        // Sent only on secure requests: behind the TLS proxy, Tomcat marks a request secure from
                        // X-Forwarded-Proto (server.forward-headers-strategy=native).
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                // Choosing a language needs no CSRF token: it changes nothing but the reader's own language. So the
                // switch in every page's header needs no session, and an anonymous reader costs none (issue 13).
                // Nor does the mail-settings link: its signed token is the key, it changes only that person's mail
                // settings, and RFC 8058 one-click unsubscribe posts come from mail clients, which have no token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/language"), PathPatternRequestMatcher.withDefaults()
                        .matcher(HttpMethod.POST, "/notices/mail-settings")))
                .addFilterAfter(new AccessDeniedAudit(audit), SecurityContextHolderFilter.class)
                .addFilterAfter(new RightsCheck(accounts), AccessDeniedAudit.class)
                // halfway through two-factor sign-in only its own pages (org.gcmreview.identity.SecondFactorGate)
                .addFilterAfter(new SecondFactorGate(), RightsCheck.class)
                // an account signed in through a provider and not yet approved sees one page
                // (org.gcmreview.identity.PendingAccountGate)
                .addFilterAfter(new PendingAccountGate(), SecondFactorGate.class);
        // OpenID Connect providers beside the password form, when configured (org.gcmreview.identity.SingleSignOn)
        singleSignOn.configure(http);
        return http.build();
    }

    /**
     * A locked user name or address (org.gcmreview.identity.LoginThrottle) gets its own message on the login
     * page, so people know that trying again now is pointless; every other failure gets the usual one.
     */
    private static ExceptionMappingAuthenticationFailureHandler signInFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        return failures;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
