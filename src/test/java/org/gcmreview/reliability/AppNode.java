package org.gcmreview.reliability;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.gcmreview.GcmReviewApplication;

/**
 * The application in a JVM of its own, as in production: the main class on the build's classpath, pointed at a
 * PostgreSQL server the test started, with its job executor on. It can be stopped gracefully (SIGTERM) or killed
 * (SIGKILL, {@link Process#destroyForcibly()}), and started again on the same database.
 *
 * The classpath is the test run's minus the test classes (their test-only Spring beans must not join the app),
 * plus {@code target/reliability/node-classes} with the few classes the app node needs from the tests (see
 * {@link #withTestClasses}). Output goes to {@code target/reliability/<name>.log}.
 */
final class AppNode implements AutoCloseable {

    static final Path WORK = Path.of("target", "reliability");
    /** A guard against a hung start, not a performance requirement: the machine may be busy. */
    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final Path NODE_CLASSES = WORK.resolve("node-classes");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node and returns at once; call {@link #awaitReady()} before sending it requests.
     *
     * @param name the node's name, also its log file's and what {@code gcm.node} says inside it
     * @param database the PostgreSQL the node runs on
     * @param extraArguments further Spring properties, e.g. {@code --camunda.bpm.job-execution.max-wait=2000}
     */
    static AppNode start(String name, Database database, String... extraArguments) {
        try {
            Files.createDirectories(WORK);
            int port = freePort();
            Path log = WORK.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dgcm.node=" + name,
                    "-cp", classpath(),
                    GcmReviewApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    // demo users (coordinator.ken, ...; password demo) to sign in with
                    "--gcm.demo.enabled=true",
                    "--camunda.bpm.job-execution.enabled=true",
                    // timers whose dates a test moves into the past are found within a couple of seconds
                    "--camunda.bpm.job-execution.wait-time-in-millis=500",
                    "--camunda.bpm.job-execution.max-wait=2000",
                    "--spring.main.banner-mode=off"));
            command.addAll(Arrays.asList(extraArguments));
            Files.writeString(log, "=== " + name + ": " + String.join(" ", command.stream()
                    .filter(arg -> !arg.contains(File.pathSeparator)).toList()) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new AppNode(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a built jar as the Dockerfile's ENTRYPOINT does ({@code java -Xmx512m -jar app.jar}), configured only
     * by environment variables (as docker-compose.yml configures the container), in a directory of its own.
     */
    static AppNode fromJar(String name, Path jar, Map<String, String> environment, int port) {
        try {
            Files.createDirectories(WORK);
            Path log = WORK.resolve(name + ".log");
            Path home = Files.createTempDirectory("gcm-review-app-");
            Files.writeString(log, "=== " + name + ": java -Xmx512m -jar " + jar + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                    .directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            return new AppNode(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the node has written to its log so far. */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node answers its readiness probe (Flyway, Camunda and the web server are up). */
    AppNode awaitReady() {
        await("node " + name + " ready (log: " + log.toAbsolutePath() + ")")
                .atMost(START_LIMIT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("node " + name + " exited with " + process.exitValue()
                                + "; end of its log:\n" + tail());
                    }
                    return ready();
                });
        return this;
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no graceful shutdown, open transactions and connections just vanish. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new AssertionError("node " + name + " survived SIGKILL");
        }
    }

    /** SIGTERM: Spring's graceful shutdown (the job executor stops, the engine closes). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - 60), lines.size()).stream()
                    .collect(Collectors.joining(System.lineSeparator()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Makes test classes available to the nodes (e.g. a JavaDelegate named in a test-only BPMN). Plain classes
     * only, no Spring beans: the app's component scan would pick those up.
     */
    static void withTestClasses(Class<?>... classes) {
        for (Class<?> type : classes) {
            String resource = type.getName().replace('.', '/') + ".class";
            Path target = NODE_CLASSES.resolve(resource);
            try (InputStream bytes = type.getClassLoader().getResourceAsStream(resource)) {
                Files.createDirectories(target.getParent());
                Files.copy(bytes, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The build's classpath (Surefire/Failsafe put it in surefire.test.class.path) without the test classes. */
    private static String classpath() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath().normalize();
        List<String> entries = new ArrayList<>();
        entries.add(NODE_CLASSES.toAbsolutePath().toString());
        for (String entry : full.split(File.pathSeparator)) {
            if (!entry.isBlank() && !Path.of(entry).toAbsolutePath().normalize().equals(testClasses)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "node " + name + " on port " + port;
    }
}
