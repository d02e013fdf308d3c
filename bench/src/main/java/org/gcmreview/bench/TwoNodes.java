package org.gcmreview.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.gcmreview.GcmReviewApplication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Issue 19.5: the input form (GET the page, POST the input) at 32 clients against one application node, then
 * against two nodes on the same PostgreSQL (half the clients on each), then one node again (to see the machine
 * drift), in the same run. Node A is the benchmark's own in-process application; node B is a JVM of its own
 * (-Xmx512m, as production runs it) started on A's database, as ScaleOutIT starts its nodes. Beside each figure:
 * the CPU of node A (with the benchmark's clients, which run in it), node B and PostgreSQL, and what PostgreSQL's
 * active backends were doing (pg_stat_activity, sampled every 50 ms): on CPU, waiting on a lock, on I/O, ...
 */
final class TwoNodes {

    private static final String CODE = "BENCH-NODES";
    private static final String PATH = "/consultations/KEN-" + CODE;
    private static final int CLIENTS = 32;

    private final App app;
    private final Options options;
    private final Report report;
    private int nextUser = 1;
    private final AtomicLong objective = new AtomicLong();

    TwoNodes(App app, Options options, Report report) {
        this.app = app;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        setUp();
        Process nodeB = startNodeB();
        try {
            int portB = awaitReady(nodeB);
            Web a = new Web(app.port);
            Web b = new Web(portB);
            report.detail("\n### Two nodes (issue 19.5), " + CLIENTS + " clients, input form (" + Machine.loadText()
                    + " load before); node B: pid " + nodeB.pid() + ", port " + portB);
            // warm-up of both nodes: JIT, template cache, pools
            level("warm-up", List.of(a, b), 8, Math.min(5, options.seconds()));
            List<String> phases = List.of("one node", "two nodes", "one node, again");
            for (String phase : phases) {
                List<Web> nodes = phase.equals("two nodes") ? List.of(a, b) : List.of(a);
                level(phase, nodes, CLIENTS, options.seconds());
            }
        } finally {
            nodeB.destroy();
            if (!nodeB.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                nodeB.destroyForcibly();
            }
        }
    }

    private void level(String phase, List<Web> nodes, int clients, int seconds) throws Exception {
        List<Web.Session> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int user = nextUser++;
            // client c on node c mod n, as a load balancer with sticky sessions spreads browsers
            sessions.add(nodes.get(c % nodes.size()).session("bench.node.stakeholder." + user)
                    .from("10.200.%d.%d".formatted(user / 256 % 256, user % 256)).signIn(InputSubmission.PASSWORD));
        }
        long nodeB = nodes.size() > 1 ? nodeBPid : 0;
        Ticks before = Ticks.take(app.postmasterPid(), nodeB);
        Machine.CpuSample machineBefore = Machine.CpuSample.take(app.postmasterPid());
        Activity activity = new Activity();
        Thread sampler = new Thread(activity, "bench-pg-activity");
        sampler.setDaemon(true);
        sampler.start();
        ClosedLoop.Result result = ClosedLoop.run(clients, 2, seconds, (client, iteration) -> {
            Web.Session session = sessions.get(client);
            long t0 = System.nanoTime();
            Web.Page form = session.get(PATH, "nodes-form");
            if (form.status() != 200) {
                throw new IllegalStateException("form page answered " + form.status());
            }
            long t1 = System.nanoTime();
            Web.Page sent = session.postMultipart(PATH + "/inputs", "nodes-post", List.of(
                    Map.entry("_csrf", form.requireHidden("_csrf")),
                    Map.entry("idempotencyKey", form.requireHidden("idempotencyKey")),
                    Map.entry("target", "objective:" + (1 + objective.getAndIncrement() % 23)),
                    Map.entry("language", "en"), Map.entry("body", InputSubmission.BODY)), "attachment");
            long t2 = System.nanoTime();
            if (sent.status() != 302) {
                throw new IllegalStateException("POST answered " + sent.status());
            }
            return new long[] {t2 - t1, t2 - t0};
        });
        activity.stop.set(true);
        sampler.join();
        Ticks after = Ticks.take(app.postmasterPid(), nodeB);
        Machine.CpuSample machineAfter = Machine.CpuSample.take(app.postmasterPid());
        if (phase.equals("warm-up")) {
            return;
        }
        Latencies post = result.parts().get(0);
        Latencies whole = result.parts().get(1);
        double wall = result.wallNanos() / 1e9;
        report.row("6. input form, " + CLIENTS + " clients, " + phase,
                "%.0f inputs/s; POST %s".formatted(post.perSecond(), Report.latencies(post)),
                "CPU: node A + clients %.2f, node B %.2f, PostgreSQL %.2f cores".formatted(
                        (after.own - before.own) / 100.0 / wall, (after.nodeB - before.nodeB) / 100.0 / wall,
                        (after.postgres - before.postgres) / 100.0 / wall), "", "", null);
        report.detail(("- %s: %d inputs, errors %d%s; GET + POST %s; CPU per input: A+clients %.1f ms, B %.1f ms, "
                        + "PostgreSQL %.1f ms; machine: %s; PostgreSQL's active backends (mean of %d samples): %s")
                .formatted(phase, post.count(), result.errors(), result.firstError() == null ? ""
                                : " (" + result.firstError() + ")", Report.latencies(whole),
                        (after.own - before.own) * 10.0 / Math.max(1, post.count()),
                        (after.nodeB - before.nodeB) * 10.0 / Math.max(1, post.count()),
                        (after.postgres - before.postgres) * 10.0 / Math.max(1, post.count()),
                        machineAfter.othersSince(machineBefore), activity.samples, activity.text()));
    }

    // ------------------------------------------------------------------ node B

    private long nodeBPid;
    private Path nodeBLog;

    private Process startNodeB() throws Exception {
        String classpath = String.join(File.pathSeparator, List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).stream().filter(entry -> !entry.contains("bench-classes")).toList());
        nodeBLog = Path.of("target", "bench", "node-b.log");
        Files.createDirectories(nodeBLog.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Dgcm.node=bench-B", "-cp", classpath, GcmReviewApplication.class.getName(),
                "--server.port=0", "--spring.datasource.url=" + app.pool.getJdbcUrl(),
                "--spring.datasource.username=" + app.pool.getUsername(),
                "--spring.datasource.password=" + (app.pool.getPassword() == null ? "" : app.pool.getPassword()),
                "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--logging.level.org.springframework.boot.web.embedded.tomcat=info",
                "--gcm.consultation.rate-limit.max-submissions=1000000", App.TRUST_LOOPBACK_PROXY));
        command.addAll(options.appArgs());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(nodeBLog.toFile()).start();
        nodeBPid = process.pid();
        return process;
    }

    /** The port node B's Tomcat reports in its log, once its readiness probe answers. */
    private int awaitReady(Process node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
        HttpClient http = HttpClient.newHttpClient();
        java.util.regex.Pattern started = java.util.regex.Pattern.compile("Tomcat started on port (\\d+)");
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new IllegalStateException("node B ended; see " + nodeBLog.toAbsolutePath());
            }
            var m = started.matcher(Files.readString(nodeBLog));
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return port;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node B not ready within 12 minutes; see " + nodeBLog.toAbsolutePath());
    }

    // ------------------------------------------------------------------ data

    private void setUp() {
        long coordinator = app.userId("coordinator.ken");
        long cycle = app.jdbc.queryForObject("""
                insert into review_cycle (country_iso3, code, business_key, title, status, started_by)
                values ('KEN', ?, ?, 'Benchmark consultation on two nodes', 'CONSULTATION', ?) returning id""",
                Long.class, CODE, "KEN-" + CODE, coordinator);
        app.jdbc.update("insert into cycle_objective (cycle_id, objective_number) select ?, number from objective",
                cycle);
        app.jdbc.update("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, now() - interval '1 day', now() + interval '30 days', 'OPEN')""", cycle);
        int users = 8 + 3 * CLIENTS;
        String hash = new BCryptPasswordEncoder().encode(InputSubmission.PASSWORD);
        app.jdbc.update("""
                insert into organisation (country_iso3, name, stakeholder_type, verified, verified_at)
                select 'KEN', 'Bench node organisation ' || g, 'CIVIL_SOCIETY', true, now()
                  from generate_series(1, ?) g""", users);
        app.jdbc.update("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, organisation_id)
                select 'bench.node.stakeholder.' || g, ?, 'Bench node stakeholder ' || g,
                       'bench.node' || g || '@bench.invalid', 'STAKEHOLDER', 'KEN', o.id
                  from generate_series(1, ?) g join organisation o
                    on o.country_iso3 = 'KEN' and o.name = 'Bench node organisation ' || g""", hash, users);
    }

    // ------------------------------------------------------------------ where the time goes

    /** CPU ticks of this JVM (node A and the clients), node B, and PostgreSQL with its backends. */
    private record Ticks(long own, long nodeB, long postgres) {

        static Ticks take(long postmasterPid, long nodeBPid) {
            long postgres = 0;
            ProcessHandle postmaster = postmasterPid > 0 ? ProcessHandle.of(postmasterPid).orElse(null) : null;
            if (postmaster != null) {
                postgres += ticks(postmaster.pid());
                for (ProcessHandle backend : postmaster.descendants().toList()) {
                    postgres += ticks(backend.pid());
                }
            }
            return new Ticks(ticks(ProcessHandle.current().pid()), nodeBPid > 0 ? ticks(nodeBPid) : 0, postgres);
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (Exception e) {
                return 0;
            }
        }
    }

    /** Samples pg_stat_activity: how many backends are active, and what those not on CPU wait for. */
    private final class Activity implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final Map<String, Long> counts = new TreeMap<>();
        int samples;

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection(app.pool.getJdbcUrl(), app.pool.getUsername(),
                    app.pool.getPassword() == null ? "" : app.pool.getPassword());
                    Statement st = c.createStatement()) {
                while (!stop.get()) {
                    try (ResultSet rs = st.executeQuery("""
                            select coalesce(wait_event_type || ':' || wait_event, 'on CPU') as what, count(*)
                              from pg_stat_activity
                             where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
                             group by 1""")) {
                        while (rs.next()) {
                            counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                        }
                    }
                    samples++;
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                counts.put("sampling failed: " + e, 0L);
            }
        }

        String text() {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder out = new StringBuilder("%.2f active".formatted(total / (double) Math.max(1, samples)));
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(e -> out.append(", ").append(e.getKey()).append(" %.2f".formatted(
                            e.getValue() / (double) Math.max(1, samples))));
            return out.toString();
        }
    }
}
