package org.gcmreview.web;

import org.gcmreview.identity.UserAccountRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

    /** Spring MVC looks the resolver up by this bean name. */
    @Bean(name = "localeResolver")
    LocaleResolver localeResolver(UserAccountRepository users) {
        return new UserLocaleResolver(users);
    }
}
