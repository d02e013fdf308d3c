package org.gcmreview.cluster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

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
}
