package org.gcmreview.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.gcmreview.web.KeptCopies;

/**
 * Figure 5 (issue 19.3): the public pages that rarely change, read by anonymous readers at 64 concurrent clients,
 * against a static file served by the same application in the same run (the floor: Spring's resource handler,
 * Tomcat, the security filter chain). Each document twice: a reader without a copy (200) and a reader who has it
 * (If-None-Match or If-Modified-Since, 304). The application keeps each rendered page, PDF and JSON and the
 * reference page (issue 19.3), so the 200 of a first reader after the first is served from that copy; the one
 * render each document costs is given apart (the first request), and 64 first readers of a PDF nobody has read yet
 * are timed together (they must share one render). Needs the workspace data set (published reports of 23 objectives).
 */
final class PublicReads {

    private static final int CLIENTS = 64;
    private static final String STATIC_FILE = "/css/app.css";

    private final App app;
    private final Options options;
    private final Report report;
    private final Web web;

    PublicReads(App app, Options options, Report report) {
        this.app = app;
        this.options = options;
        this.report = report;
        this.web = new Web(app.port);
    }

    private record Read(String name, String path, boolean conditional) {
    }

    void run() throws Exception {
        List<String> keys = app.jdbc.queryForList("""
                select c.business_key from review_cycle c
                 where c.published_at is not null and exists (select 1 from endorsement e where e.cycle_id = c.id)
                 order by c.id limit 2""", String.class);
        String key = keys.get(0);
        report.detail("\n### Public pages, " + CLIENTS + " anonymous clients (" + Machine.loadText()
                + " load before); published report " + key + "\n");
        List<Read> reads = new ArrayList<>();
        reads.add(new Read("static file " + STATIC_FILE, STATIC_FILE, false));
        reads.add(new Read("static file, 304", STATIC_FILE, true));
        for (String path : List.of("/published/" + key, "/published/" + key + ".json", "/published/" + key + ".pdf",
                "/reference/objectives")) {
            reads.add(new Read(path, path, false));
            reads.add(new Read(path + ", 304", path, true));
        }
        // the floor again at the end: on a busy machine the first measurement may sit in another minute's load
        reads.add(new Read("static file " + STATIC_FILE + ", again at the end", STATIC_FILE, false));
        Web.Session[] readers = new Web.Session[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            readers[i] = web.session("anonymous reader " + i);
        }
        // one unmeasured round over every read first (its first request each, then 3 s of load): the JIT compiles
        // what they all share (Tomcat, the filter chain, the client) before the floor is taken; without it the
        // static file, measured first, met a colder application than the pages after it (session 7: 1,015/s
        // first, 2,772/s at the end of the same quiet run)
        for (Read read : reads) {
            long renders = renders();
            long t = System.nanoTime();
            Web.Page probe = web.session("first reader").read(read.path(), "public", Map.of());
            long firstNanos = System.nanoTime() - t;
            if (!read.conditional() && !read.name().endsWith("again at the end")) {
                report.detail("- %s: the first request (%s): %s, %,d bytes".formatted(read.name(),
                        renders() > renders ? "rendered" : "no render", Report.ms(firstNanos / 1e6), probe.length()));
            }
            Map<String, String> validators = read.conditional() ? probe.validators() : Map.of();
            int expected = read.conditional() ? 304 : 200;
            if (probe.status() == 200 && (!read.conditional() || !validators.isEmpty())) {
                ClosedLoop.run(CLIENTS, 1, 3, (client, i) -> once(readers[client], read.path(), validators, expected));
            }
        }
        double floor = 0;
        for (Read read : reads) {
            Web.Page probe = web.session("first reader").read(read.path(), "public", Map.of());
            Map<String, String> validators = read.conditional() ? probe.validators() : Map.of();
            if (probe.status() != 200 || (read.conditional() && validators.isEmpty())) {
                report.row("5. " + read.name(), "HTTP " + probe.status() + (validators.isEmpty() ? ", no validator"
                        : ""), "", "", "", null);
                continue;
            }
            int expected = read.conditional() ? 304 : 200;
            ClosedLoop.run(CLIENTS, 1, Math.max(2, options.seconds() / 5), (client, i) -> once(readers[client],
                    read.path(), validators, expected)); // warm-up: JIT, template cache
            long rendersBefore = renders();
            Machine.CpuSample before = Machine.CpuSample.take(app.postmasterPid());
            ClosedLoop.Result result = ClosedLoop.run(CLIENTS, 1, options.seconds(), (client, i) -> once(
                    readers[client], read.path(), validators, expected));
            Machine.CpuSample after = Machine.CpuSample.take(app.postmasterPid());
            Latencies l = result.parts().get(0);
            if (floor == 0 && read.path().equals(STATIC_FILE) && !read.conditional()) {
                floor = l.perSecond();
            }
            double ratio = floor == 0 ? 0 : l.perSecond() / floor;
            boolean page = !read.path().equals(STATIC_FILE);
            report.row("5. " + read.name() + ", " + CLIENTS + " clients", "%.0f/s, p99 %s".formatted(l.perSecond(),
                            Report.ms(l.percentileMs(99))), "static file %.0f/s".formatted(floor),
                    "%.1f%% of the static file".formatted(100 * ratio), page ? ">= 50%" : "",
                    page ? ratio >= 0.5 : null);
            report.detail("- %s: %s; %,d bytes; %s header(s) %s; renders during the run %d; errors %d%s; CPU %s"
                    .formatted(read.name(), l.summary(), probe.length(), validators.size(), validators.keySet(),
                            renders() - rendersBefore, result.errors(), result.firstError() == null ? ""
                                    : " (" + result.firstError() + ")", after.othersSince(before)));
        }
        if (keys.size() > 1) {
            firstReadersOfOnePdf("/published/" + keys.get(1) + ".pdf");
        }
    }

    /** 64 readers ask at once for a PDF nobody has read yet: the time until all have it, and how many renders. */
    private void firstReadersOfOnePdf(String path) throws Exception {
        long renders = renders();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Web.Page>> reads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Web.Session reader = web.session("first reader " + i);
                reads.add(() -> reader.read(path, "public", Map.of()));
            }
            Machine.CpuSample before = Machine.CpuSample.take(app.postmasterPid());
            long t = System.nanoTime();
            int ok = 0;
            for (Future<Web.Page> read : pool.invokeAll(reads)) {
                ok += read.get().status() == 200 ? 1 : 0;
            }
            long nanos = System.nanoTime() - t;
            Machine.CpuSample after = Machine.CpuSample.take(app.postmasterPid());
            report.row("5. " + CLIENTS + " first readers at once of an unread PDF (" + path + ")",
                    "all %d answered in %s".formatted(ok, Report.ms(nanos / 1e6)),
                    "renders: %d".formatted(renders() - renders), "", "one render", renders() - renders == 1);
            report.detail("- %d first readers of %s at once: %d answered 200 in %s; %d render(s); CPU %s".formatted(
                    CLIENTS, path, ok, Report.ms(nanos / 1e6), renders() - renders, after.othersSince(before)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The application's count of public pages and documents rendered (a kept copy costs none). */
    private long renders() {
        return app.context.getBean(KeptCopies.class).renders();
    }

    private static long[] once(Web.Session reader, String path, Map<String, String> validators, int expected)
            throws Exception {
        long t = System.nanoTime();
        Web.Page response = reader.read(path, "public", validators);
        long nanos = System.nanoTime() - t;
        if (response.status() != expected) {
            throw new IllegalStateException(path + " answered " + response.status());
        }
        return new long[] {nanos};
    }
}
