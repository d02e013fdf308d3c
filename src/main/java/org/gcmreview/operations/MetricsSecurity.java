package org.gcmreview.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Metrics (/actuator/prometheus) are for the operator's Prometheus only: HTTP Basic with the one account configured
 * in {@code gcm.metrics.username}/{@code password} (role OPERATOR), checked by an authentication manager of its
 * own, so no application user (not even an administrator) reads them. With no password configured nobody does.
 * Stateless: a scrape makes no session.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    static final String OPERATOR = "OPERATOR";

    @Bean
    @Order(0)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, PasswordEncoder passwordEncoder,
            @Value("${gcm.metrics.username:}") String username, @Value("${gcm.metrics.password:}") String password)
            throws Exception {
        InMemoryUserDetailsManager operators = new InMemoryUserDetailsManager();
        if (!username.isBlank() && !password.isBlank()) {
            operators.createUser(User.withUsername(username).password(passwordEncoder.encode(password))
                    .roles(OPERATOR).build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(operators);
        provider.setPasswordEncoder(passwordEncoder);
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(OPERATOR))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
