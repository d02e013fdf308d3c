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
 * <p>
 * A test that needs only the data layer uses the one slice annotation {@link DatabaseTest} (a context of a second
 * or two on the database all slices share); a bare Spring Boot slice annotation would start a context and a
 * database of its own, with its own choice of beans.
 */
class TestContextsTest {

    static final Path TESTS = Path.of("src/test/java");

    /** {@code @SpringBootTest} on a class, with no arguments or only the web environment. */
    static final Pattern PLAIN_SPRING_BOOT_TEST = Pattern.compile(
            "(?m)^@SpringBootTest(\\s*$|\\(\\s*webEnvironment\\s*=\\s*[\\w.]+\\s*\\))");

    /** Spring Boot's slice annotations on a class (imported or qualified): each configures a context of its own. */
    static final Pattern BARE_SLICE = Pattern.compile(
            "(?m)^@([\\w.]+\\.)?(JdbcTest|DataJdbcTest|DataJpaTest|WebMvcTest|WebFluxTest|JsonTest|RestClientTest"
                    + "|GraphQlTest|JooqTest|DataR2dbcTest)\\b");

    /** What would give a {@code @DatabaseTest} class a context of its own beyond its module's slice. */
    static final Pattern OWN_SLICE_SETTINGS = Pattern.compile(
            "(?m)^\\s*@([\\w.]+\\.)?(TestPropertySource|DynamicPropertySource|MockitoBean|MockitoSpyBean|MockBean"
                    + "|SpyBean|DirtiesContext|ContextConfiguration|ImportAutoConfiguration|AutoConfigure\\w*"
                    + "|SpringBootTest|ApplicationTest)\\b");

    /** The one import a {@code @DatabaseTest} class may have: its module's slice configuration. */
    static final Pattern SLICE_IMPORT = Pattern.compile("(?m)^@([\\w.]+\\.)?Import\\((?!\\w+Slice\\.class\\))");

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

    @Test
    void sliceTestsUseTheSharedSliceAnnotation() throws IOException {
        List<Path> sources = sources();
        List<String> bare = sources.stream()
                .filter(source -> !source.getFileName().toString().equals("DatabaseTest.java"))
                .filter(source -> BARE_SLICE.matcher(read(source)).find())
                .map(source -> TESTS.relativize(source).toString())
                .toList();
        assertThat(bare).as("test classes with a bare slice annotation instead of @DatabaseTest").isEmpty();

        List<Path> slices = sources.stream().filter(source -> read(source).contains("\n@DatabaseTest")).toList();
        assertThat(slices).as("test classes on @DatabaseTest (the scan reads the sources)").hasSizeGreaterThan(4);
        List<String> ownSettings = slices.stream()
                .filter(source -> OWN_SLICE_SETTINGS.matcher(read(source)).find()
                        || SLICE_IMPORT.matcher(read(source)).find())
                .map(source -> TESTS.relativize(source).toString())
                .toList();
        assertThat(ownSettings).as("@DatabaseTest classes with settings of their own (properties, mocks, imports "
                + "other than their module's *Slice configuration)").isEmpty();
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
