package org.gcmreview.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Nothing is ever downloaded: both paths are
 * given explicitly, so Selenium Manager is skipped, and it is told to stay offline should anything still call it.
 * A missing browser fails the test class with a message saying how to install it; it never skips.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium's bundled DevTools bindings trail Debian's Chromium; the tests use only the version-free
     * executeCdpCommand, so its "no CDP implementation matching" warning is noise. (A field, because
     * java.util.logging forgets the level of a logger nobody holds on to.)
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() {
        requireExecutable(BROWSER);
        requireExecutable(DRIVER);
        // Selenium passes SE_* system properties on to Selenium Manager as environment variables.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());

        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                // the tests run as root in CI, where Chromium's sandbox cannot start
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                // Chromium's own calls home (updates, sync, safe browsing) would only be refused here
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                // Only this machine can answer: any other host fails at once instead of waiting for a time-out,
                // and the request still shows up in the performance log below, where the tests catch it.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--window-size=1280,900",
                "--lang=en",
                "--user-data-dir=" + profile);
        // The performance log records every request the page makes, failed ones included, so a request to
        // another host (a CDN, a font service) is caught even though this machine cannot reach it.
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Chromium(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static void requireExecutable(Path path) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is missing: the browser tests need Debian's Chromium and its "
                    + "driver. Install them with `apt-get install chromium chromium-driver` (./mvnw verify does this, "
                    + "with .ci/system-packages).");
        }
    }

    /** A fresh, empty profile per browser, so no cache, cookie or setting survives from an earlier run. */
    private static Path createProfile() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
