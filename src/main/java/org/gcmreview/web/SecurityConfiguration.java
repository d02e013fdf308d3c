package org.gcmreview.web;

import org.gcmreview.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
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
     * Camunda's Cockpit and Admin, for ADMIN only. They send their own CSP and CSRF protection, so ours
     * would only break them. An administrator signed in here is signed in there too
     * (org.gcmreview.identity.CamundaWebappSignOn); users and groups come through our identity provider.
     * The matcher looks at the whole path: Camunda's REST API runs in servlets of its own (/camunda/api/*),
     * which a Spring MVC pattern would not match, leaving them to the application chain below.
     */
    @Bean
    @Order(1)
    SecurityFilterChain camundaWebappsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form.loginPage("/login"))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationFilterChain(HttpSecurity http) throws Exception {
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
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/secretariat/**").hasAnyRole(Role.REGIONAL_SECRETARIAT.name(),
                                Role.IMRF_SECRETARIAT.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tasks", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(ref -> ref.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
