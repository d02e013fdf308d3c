package org.gcmreview.bench;

import java.nio.file.Path;
import java.time.Instant;

/**
 * The benchmark of docs/benchmarks.md: {@code ./mvnw -Pbench verify}. Starts the application against an embedded
 * PostgreSQL, measures each figure beside its baseline in the same run, and prints the table (also written to
 * target/bench/report.md). Timings live here and in the docs only, never in a test's pass or fail.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = new Report();
        report.machine("when: " + Instant.now());
        report.machine("machine: %d cores (%s), %s memory, Java %s, heap limit of this JVM %d MB".formatted(
                Machine.cores(), Machine.cpuModel(), Machine.memory(), Runtime.version(),
                Runtime.getRuntime().maxMemory() / 1024 / 1024));
        report.machine("load average at start: " + Machine.loadText());
        if (options.quietWaitSeconds() > 0) {
            report.machine("waiting for a quiet machine: " + Machine.waitForQuiet(options.quietLoad(),
                    options.quietWaitSeconds()));
        }
        report.machine("options: " + options);
        long started = System.nanoTime();
        if (options.runs("inputs") || options.runs("tasks") || options.runs("workspace") || options.runs("public")
                || options.runs("nodes")) {
            try (App app = App.start(options)) {
                report.machine("application under test: in this JVM, embedded PostgreSQL 17 (io.zonky), demo data, "
                        + "job executor on, Hikari pool max " + app.pool.getMaximumPoolSize() + ", started in %.1f s"
                        .formatted((System.nanoTime() - app.startNanos) / 1e9));
                if (options.runs("inputs")) {
                    new InputSubmission(app, options, report).run();
                }
                if (options.runs("tasks")) {
                    new TaskCompletion(app, options, report).run();
                }
                if (options.runs("workspace")) {
                    new Workspace(app, options, report).run();
                }
                if (options.runs("public")) {
                    // reads a published report of the workspace data set
                    if (!options.runs("workspace")) {
                        report.detail("\nPublic pages without the workspace section: " + Workspace.generate(app,
                                options));
                    }
                    new PublicReads(app, options, report).run();
                }
                if (options.runs("nodes")) {
                    try {
                        new TwoNodes(app, options, report).run();
                    } catch (Exception | AssertionError e) {
                        // the figures of the sections before are still written
                        report.row("6. two nodes", "not measured: " + e, "", "", "", null);
                    }
                }
                report.detail("\nBackground statements (job executor and others) during the run: "
                        + Recorder.operation(Recorder.BACKGROUND).statements.get());
                System.gc();
                Runtime rt = Runtime.getRuntime();
                report.machine("heap of the benchmark JVM after the runs and a GC: %d MB used of %d MB max".formatted(
                        (rt.totalMemory() - rt.freeMemory()) / 1024 / 1024, rt.maxMemory() / 1024 / 1024));
            }
        }
        if (options.runs("startup")) {
            new Startup(options, report).run();
        }
        report.machine("load average at the end: " + Machine.loadText() + "; whole run %.0f s"
                .formatted((System.nanoTime() - started) / 1e9));
        Path file = Path.of("target", "bench", "report.md");
        report.write(file);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("[bench] written to " + file.toAbsolutePath());
        System.exit(0);
    }
}
