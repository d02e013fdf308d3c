package org.gcmreview.cluster;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * HTTP sessions live in PostgreSQL (Spring Session JDBC, auto-configured by Spring Boot; tables from
 * db/V80__spring_session.sql), so any app node behind the load balancer can serve any request of a signed-in
 * user, and stopping or losing a node signs nobody out. Spring Security's session fixation protection (a new
 * session id at sign-in) works on these sessions as on the servlet container's own.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessionConfiguration {

    /**
     * Two requests of one session at the same time (two browser tabs, a double click) may both add the same
     * attribute, e.g. the flash message of a redirect. Spring Session's portable SQL inserts it twice and the
     * second insert fails on the primary key; PostgreSQL's upsert stores the later value instead.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessionAttributeUpsert() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** Spring Session's filter works on the SessionStore: fewer statements per request, the same sessions. */
    @Bean
    static BeanPostProcessor sessionStore() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository stored ? new SessionStore(stored) : bean;
            }
        };
    }

    /** Just outside Spring Session's filter, on the same dispatches as it (Spring Boot's defaults). */
    @Bean
    FilterRegistrationBean<SessionStore.RequestScope> sessionStoreRequestScope() {
        FilterRegistrationBean<SessionStore.RequestScope> registration =
                new FilterRegistrationBean<>(new SessionStore.RequestScope());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
