package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the application's jar from a directory of sources with the Maven wrapper found there, offline and with
 * this build's local Maven repository (so it needs no network and fetches nothing this build did not).
 */
final class JarBuild {

    /** A guard against a hung build, not a performance requirement: the machine may be busy. */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private JarBuild() {
    }

    /** {@code ./mvnw -B -q -o package -DskipTests} in the directory: the gcm-review-*.jar it makes. */
    static Path packageIn(Path sources, String name) throws IOException, InterruptedException {
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path log = AppNode.WORK.toAbsolutePath().resolve(name + "-build.log");
        Files.createDirectories(log.getParent());
        Process build = new ProcessBuilder("./mvnw", "-B", "-q", "-o", "package", "-DskipTests",
                "-Dmaven.repo.local=" + repository)
                .directory(sources.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        if (!build.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            build.destroyForcibly();
            throw new AssertionError("the build did not finish; log: " + log);
        }
        assertThat(build.exitValue()).as("the build in %s; log:\n%s", sources, Files.readString(log)).isZero();
        try (Stream<Path> jars = Files.list(sources.resolve("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("gcm-review-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no gcm-review-*.jar in " + sources.resolve("target")));
        }
    }
}
