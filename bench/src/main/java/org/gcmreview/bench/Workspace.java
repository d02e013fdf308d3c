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
    private double historySeconds;

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
            long historyStart = System.nanoTime();
            if (options.history()) {
                history(c);
                c.commit();
            }
            historySeconds = (System.nanoTime() - historyStart) / 1e9;
            // a production database has long been vacuumed; left to autovacuum, the vacuum of a million new rows
            // ran during the first measurements after the load and depressed them (session 7: the static file
            // measured first at 1,355/s, at the end of the same quiet run at 3,093/s)
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum (analyze)");
            }
        }
    }

    /**
     * Camunda's history of every generated cycle (issue 19.4): the rows one real cycle left (bench/sql/
     * cycle-history.jsonl, one JSON object a line, the first naming the cycle) copied to each by
     * bench/sql/workspace-history.sql, which runs as one script since it holds a DO block.
     */
    private static void history(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("create temporary table bench_history_template (tbl text, row jsonb) on commit drop");
        }
        // a line is {"table": ..., "row": {...}}, or the first one, which names the cycle (table null)
        try (var insert = c.prepareStatement("insert into bench_history_template select l ->> 'table', "
                + "coalesce(l -> 'row', l) from (select ?::jsonb as l) line")) {
            for (String line : Files.readAllLines(Path.of("bench", "sql", "cycle-history.jsonl"))) {
                if (!line.isBlank()) {
                    insert.setString(1, line);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute(Files.readString(Path.of("bench", "sql", "workspace-history.sql")));
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
        return dataCounts() + "; Camunda history written in %.1f s of it: ".formatted(historySeconds)
                + historyCounts();
    }

    /** The engine's history rows per table (those tables with a root process instance), and their total. */
    private String historyCounts() {
        List<String> tables = app.jdbc.queryForList("""
                select table_name from information_schema.columns
                 where table_schema = current_schema() and column_name = 'root_proc_inst_id_'
                   and (table_name like 'act\\_hi\\_%' or table_name = 'act_ge_bytearray') order by 1""",
                String.class);
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (String table : tables) {
            long rows = app.jdbc.queryForObject("select count(*) from " + table + " where root_proc_inst_id_ is not null",
                    Long.class);
            total += rows;
            if (rows > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(table).append(' ').append("%,d".formatted(rows));
            }
        }
        long stamped = app.jdbc.queryForObject("select count(*) from act_hi_actinst where removal_time_ is not null",
                Long.class);
        return "%,d rows (%s; activity instances with a removal time: %,d)".formatted(total, text, stamped);
    }

    private String dataCounts() {
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
