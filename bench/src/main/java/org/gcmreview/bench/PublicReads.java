package org.gcmreview.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Figure 5 (issue 19.3): the public pages that rarely change, read by anonymous readers at 64 concurrent clients,
 * against a static file served by the same application in the same run (the floor: Spring's resource handler,
 * Tomcat, the security filter chain). Each page twice: a reader without a copy (200, rendered) and a reader who has
 * it (If-None-Match, 304). Needs the workspace data set (a published report of 23 objectives).
 */
final class PublicReads {

    private static final int CLIENTS = 64;
    private static final String STATIC_FILE = "/css/app.css";

    private final App app;
    private final Options options;
    private final Report report;
    private final HttpClient http;
    private final String base;

    PublicReads(App app, Options options, Report report) {
        this.app = app;
        this.options = options;
        this.report = report;
        this.base = "http://127.0.0.1:" + app.port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "bench-public");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    private record Read(String name, String path, boolean conditional) {
    }

    void run() throws Exception {
        String key = app.jdbc.queryForObject("""
                select c.business_key from review_cycle c
                 where c.published_at is not null and exists (select 1 from report_version v where v.cycle_id = c.id)
                 order by c.id limit 1""", String.class);
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
        double floor = 0;
        for (Read read : reads) {
            HttpResponse<byte[]> probe = get(read.path(), null);
            String tag = probe.headers().firstValue("ETag").orElse(null);
            if (probe.statusCode() != 200 || (read.conditional() && tag == null)) {
                report.row("5. " + read.name(), "HTTP " + probe.statusCode() + (tag == null ? ", no ETag" : ""),
                        "", "", "", null);
                continue;
            }
            int expected = read.conditional() ? 304 : 200;
            String ifNoneMatch = read.conditional() ? tag : null;
            ClosedLoop.run(CLIENTS, 1, Math.max(2, options.seconds() / 5), (client, i) -> once(read.path(),
                    ifNoneMatch, expected)); // warm-up: JIT, template cache
            Machine.CpuSample before = Machine.CpuSample.take(app.postmasterPid());
            ClosedLoop.Result result = ClosedLoop.run(CLIENTS, 1, options.seconds(), (client, i) -> once(read.path(),
                    ifNoneMatch, expected));
            Machine.CpuSample after = Machine.CpuSample.take(app.postmasterPid());
            Latencies l = result.parts().get(0);
            if (read.path().equals(STATIC_FILE) && !read.conditional()) {
                floor = l.perSecond();
            }
            double ratio = floor == 0 ? 0 : l.perSecond() / floor;
            boolean page = !read.path().equals(STATIC_FILE);
            report.row("5. " + read.name() + ", " + CLIENTS + " clients", "%.0f/s, p99 %s".formatted(l.perSecond(),
                            Report.ms(l.percentileMs(99))), "static file %.0f/s".formatted(floor),
                    "%.1f%% of the static file".formatted(100 * ratio), page ? ">= 50%" : "",
                    page ? ratio >= 0.5 : null);
            report.detail("- %s: %s; %,d bytes; errors %d%s; CPU %s".formatted(read.name(), l.summary(),
                    probe.body().length, result.errors(), result.firstError() == null ? "" : " (" + result.firstError()
                            + ")", after.othersSince(before)));
        }
    }

    private long[] once(String path, String ifNoneMatch, int expected) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> response = get(path, ifNoneMatch);
        long nanos = System.nanoTime() - t;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return new long[] {nanos};
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header(Web.OPERATION_HEADER, "public").timeout(Duration.ofSeconds(60));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
