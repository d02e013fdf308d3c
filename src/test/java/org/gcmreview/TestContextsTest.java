package org.gcmreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Spring caches one application context per test configuration, and each further configuration starts another
 * whole application (Camunda, an embedded PostgreSQL, Flyway) during the build. A test class that declares
 * {@code @SpringBootTest} without settings of its own gets nothing from it but that cost: it must use
 * {@link ApplicationTest} (with {@code webEnvironment = RANDOM_PORT} for a real servlet container), which gives
 * the same application with the fixtures as beans. A class with properties of its own names them, and with them
 * the reason for its own context.
 */
class TestContextsTest {

    static final Path TESTS = Path.of("src/test/java");

    /** {@code @SpringBootTest} on a class, with no arguments or only the web environment. */
    static final Pattern PLAIN_SPRING_BOOT_TEST = Pattern.compile(
            "(?m)^@SpringBootTest(\\s*$|\\(\\s*webEnvironment\\s*=\\s*[\\w.]+\\s*\\))");

    @Test
    void testClassesWithoutSettingsOfTheirOwnShareTheApplicationTestContext() throws IOException {
        List<Path> sources = sources();
        List<String> plain = sources.stream()
                .filter(source -> !source.getFileName().toString().equals("ApplicationTest.java"))
                .filter(source -> PLAIN_SPRING_BOOT_TEST.matcher(read(source)).find())
                .map(source -> TESTS.relativize(source).toString())
                .toList();
        assertThat(plain).as("test classes with a plain @SpringBootTest instead of @ApplicationTest").isEmpty();

        long sharing = sources.stream().filter(source -> read(source).contains("\n@ApplicationTest")).count();
        assertThat(sharing).as("test classes on @ApplicationTest (the scan reads the sources)").isGreaterThan(50);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
