package org.gcmreview.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one way to sign in: user name and password checked against app_user, throttled. Being the only
 * AuthenticationProvider bean, it replaces the provider Spring Security would otherwise build from the
 * UserDetailsService.
 */
@Configuration(proxyBeanMethods = false)
class PasswordSignInConfiguration {

    @Bean
    AuthenticationProvider throttledPasswordSignIn(AppUserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }
}
