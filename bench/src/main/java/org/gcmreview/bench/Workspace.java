package org.gcmreview.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 3: the secretariats' pages (the workspace, the synthesis grid, one submitted cycle) over a full data
 * set: 193 countries x 5 cycles x 23 objectives and 1,000,000 consultation inputs (bench/sql/workspace-data.sql).
 * Server time per page beside the time its SQL took, the statements each page sends, and the query plans of
 * the heaviest statements with the indexes that serve them.
 */
final class Workspace {

    private static final String DEMO_PASSWORD = "demo";

    private final App app;
    private final Options options;
    private final Report report;
    private final Web web;

    Workspace(App app, Options options, Report report) {
        this.app = app;
        this.options = options;
        this.report = report;
        this.web = new Web(app.port);
    }

    private record Page(String name, Web.Session session, String path) {
    }

    void run() throws Exception {
        long loadStart = System.nanoTime();
        load();
        report.detail("\n### Secretariat pages (" + Machine.loadText() + " load before)\n\nData set generated in %.1f s: "
                .formatted((System.nanoTime() - loadStart) / 1e9) + counts());
        Web.Session eca = web.session("secretariat.eca").signIn(DEMO_PASSWORD);
        Web.Session imrf = web.session("secretariat.imrf").signIn(DEMO_PASSWORD);
        long ecaCycle = app.jdbc.queryForObject("""
                select c.id from review_cycle c join country k on k.iso3 = c.country_iso3
                 where k.commission_code = 'ECA' and c.code = 'B2024' order by c.country_iso3 limit 1""", Long.class);
        List<Page> pages = List.of(
                new Page("workspace ECA", eca, "/secretariat"),
                new Page("workspace IMRF", imrf, "/secretariat"),
                new Page("synthesis ECA", eca, "/secretariat/synthesis"),
                new Page("synthesis IMRF", imrf, "/secretariat/synthesis"),
                new Page("submitted cycle ECA", eca, "/secretariat/cycles/" + ecaCycle));
        List<Page> measured = new ArrayList<>();
        for (Page page : pages) {
            Web.Page probe = page.session().get(page.path(), "probe");
            if (probe.status() != 200) {
                report.row("3. " + page.name() + " (GET " + page.path() + ")", "not served by this build (HTTP "
                        + probe.status() + ")", "", "", "server p95 < 100 ms", null);
                continue;
            }
            measure(page, probe.body().length());
            measured.add(page);
        }
        for (Page page : measured) {
            Recorder.Operation op = Recorder.operation(page.name());
            report.detail("\n#### " + page.name() + ": statements per request\n\n" + Sections.sqlTable(op));
            List<Recorder.Sql> heaviest = op.heaviest();
            int explained = 0;
            for (Recorder.Sql sql : heaviest) {
                if (explained == 2 || sql.nanos.get() / 1e6 / Math.max(1, op.requests.get()) < 0.5) {
                    break;
                }
                String plan = Sections.explain(app, sql);
                if (plan.startsWith("(not a SELECT")) {
                    continue;
                }
                explained++;
                report.detail("EXPLAIN (ANALYZE, BUFFERS) of `" + sql.text + "`\n\n```\n" + plan + "```\n");
            }
        }
    }

    private void measure(Page page, int bytes) throws Exception {
        for (int i = 0; i < options.pageWarmup(); i++) {
            page.session().get(page.path(), "warm-up");
        }
        Recorder.reset(page.name());
        Machine.CpuSample before = Machine.CpuSample.take(app.postmasterPid());
        long[] nanos = new long[options.pageRequests()];
        long start = System.nanoTime();
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Web.Page answer = page.session().get(page.path(), page.name());
            nanos[i] = System.nanoTime() - t;
            if (answer.status() != 200) {
                throw new IllegalStateException(page.name() + " answered " + answer.status());
            }
        }
        Latencies client = Latencies.of(nanos, System.nanoTime() - start, 0);
        Machine.CpuSample after = Machine.CpuSample.take(app.postmasterPid());
        Recorder.Operation op = Recorder.operation(page.name());
        Latencies server = op.serverTimes();
        long statementNanos = op.sql.values().stream().mapToLong(s -> s.nanos.get()).sum();
        double sqlMs = statementNanos / 1e6 / Math.max(1, op.requests.get());
        report.row("3. " + page.name() + " (GET " + page.path() + ")", "server " + Report.latencies(server),
                "its SQL alone: " + Report.ms(sqlMs) + " per request", "%.1fx (mean server / SQL)"
                        .formatted(server.meanMs() / sqlMs), "server p95 < 100 ms", server.percentileMs(95) < 100);
        report.detail("- %s: client %s; %.1f statements per request; page %,d bytes; CPU %s".formatted(page.name(),
                client.summary(), op.statementsPerRequest(), bytes, after.othersSince(before)));
    }

    /** The data set alone, for a section that reads it without measuring the secretariat pages (public). */
    static String generate(App app, Options options) throws Exception {
        long start = System.nanoTime();
        Workspace workspace = new Workspace(app, options, null);
        workspace.load();
        return "data set generated in %.1f s: ".formatted((System.nanoTime() - start) / 1e9) + workspace.counts();
    }

    private void load() throws Exception {
        String sql = Files.readString(Path.of("bench", "sql", "workspace-data.sql"))
                .replace("${inputs}", String.valueOf(options.inputs()));
        try (Connection c = DriverManager.getConnection(app.pool.getJdbcUrl(), app.pool.getUsername(),
                app.pool.getPassword() == null ? "" : app.pool.getPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String statement : statements(sql)) {
                    st.execute(statement);
                }
            }
            c.commit();
            // a production database has long been vacuumed; left to autovacuum, the vacuum of a million new rows
            // ran during the first measurements after the load and depressed them (session 7: the static file
            // measured first at 1,355/s, at the end of the same quiet run at 3,093/s)
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum (analyze)");
            }
        }
    }

    /** The script's statements: split at semicolons that end a line, comment lines dropped. */
    private static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String s = current.toString().strip();
                result.add(s.substring(0, s.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString());
        }
        return result;
    }

    private String counts() {
        return app.jdbc.queryForObject("""
                select format('%s countries, %s cycles, %s cycle objectives, %s report sections, %s frozen versions, '
                              || '%s submissions, %s consultation windows, %s consultation inputs',
                       (select count(*) from country), (select count(*) from review_cycle),
                       (select count(*) from cycle_objective), (select count(*) from report_section),
                       (select count(*) from report_version), (select count(*) from submission),
                       (select count(*) from consultation_window), (select count(*) from consultation_input))""",
                String.class);
    }
}
