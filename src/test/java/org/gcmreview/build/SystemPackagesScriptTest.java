package org.gcmreview.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .ci/system-packages, which ./mvnw verify runs before the tests so that the README's one command installs the
 * Debian packages the integration tests drive. Its checks are pointed at a temporary root, and it only simulates
 * (--dry-run, apt-get -s): the test installs and removes nothing on the machine.
 */
class SystemPackagesScriptTest {

    static final Path SCRIPT = Path.of(".ci", "system-packages");

    @TempDir
    Path root;

    record Run(int exitCode, String output) {
    }

    @Test
    void namesEveryPackageWhoseProgramIsMissing() throws Exception {
        Run run = run("--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("the integration tests need chromium chromium-driver postgresql")
                .contains("would run: apt-get update && apt-get install -y chromium chromium-driver postgresql");
    }

    @Test
    void asksOnlyForWhatIsMissing() throws Exception {
        executable("usr/bin/chromium");
        executable("usr/lib/postgresql/17/bin/initdb");
        Run run = run("--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("the integration tests need chromium-driver")
                .contains("apt-get install -y chromium-driver\n").doesNotContain("need chromium ")
                .doesNotContain("postgresql\n");
    }

    @Test
    void doesNothingWhenEverythingIsThere() throws Exception {
        executable("usr/bin/chromium");
        executable("usr/bin/chromedriver");
        executable("usr/lib/postgresql/15/bin/initdb");
        // not a dry run: with nothing missing the script must not reach apt-get at all
        Run run = run();
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).isEqualTo(
                "system packages: chromium, chromium-driver and postgresql are installed\n");
    }

    @Test
    void aProgramThatIsNotExecutableCountsAsMissing() throws Exception {
        executable("usr/bin/chromium");
        executable("usr/lib/postgresql/15/bin/initdb");
        Files.createFile(root.resolve("usr/bin/chromedriver"));
        assertThat(run("--dry-run").output()).contains("need chromium-driver");
    }

    @Test
    void checksNothingWhenMavenRunsNoIntegrationTest() throws Exception {
        Run run = run("--skip-its=true");
        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("not checked").doesNotContain("need");
    }

    @Test
    void refusesAnUnknownOption() throws Exception {
        assertThat(run("--install-everything").exitCode()).isEqualTo(2);
    }

    private void executable(String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }

    private Run run(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("GCM_SYSTEM_PACKAGES_ROOT", root.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
