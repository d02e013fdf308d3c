package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page-visit helper every journey goes through. Each page a journey arrives at, by {@link #visit} or
 * {@link #after} a click or a key, is loaded with an empty cache and then checked, so journeys added later get
 * the checks for free:
 * <ul>
 *   <li>no request leaves localhost (no CDN, no web font service, no analytics);</li>
 *   <li>page weight on first load is printed ({@code page-weight: /path 12.3 KB}) and must stay within
 *       {@link PageWeight#BUDGET_BYTES};</li>
 *   <li>axe-core finds no serious or critical WCAG 2.0/2.1 A or AA violation.</li>
 * </ul>
 * Keyboard helpers ({@link #tabTo}, {@link #type}, {@link #press}) act on whatever has the focus, as a keyboard
 * user does.
 */
public final class Browser {

    /**
     * A loop guard for {@link #tabTo}, far above the number of focusable elements on any of our pages: a country's
     * ministries page has nine per ministry, and the journeys of a full run leave Kenya with a few dozen ministries.
     */
    private static final int MAX_TABS = 400;

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Opens a page of the app by its path, as a first-time visitor would, and checks it. */
    public PageWeight visit(String path) {
        prepareFreshLoad();
        driver.get(baseUrl + path);
        return checkPage();
    }

    /** Opens a page that is meant to answer with an error status (403, 404, ...) and checks it all the same. */
    public PageWeight visit(String path, int expectedStatus) {
        prepareFreshLoad();
        driver.get(baseUrl + path);
        return checkPage(expectedStatus);
    }

    /**
     * Does what the user does (presses Enter, clicks a link, submits a form), waits for the next page and checks
     * it like {@link #visit}.
     */
    public PageWeight after(Runnable userAction) {
        awaitNextPage(userAction);
        return checkPage();
    }

    /**
     * Like {@link #after}, for an action meant to answer with an error status, e.g. a form refused with 400 and
     * shown again with its errors: that page is checked all the same.
     */
    public PageWeight after(Runnable userAction, int expectedStatus) {
        awaitNextPage(userAction);
        return checkPage(expectedStatus);
    }

    private void awaitNextPage(Runnable userAction) {
        WebElement previousPage = driver.findElement(By.tagName("html"));
        prepareFreshLoad();
        userAction.run();
        wait.until(d -> gone(previousPage));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether the page the element belongs to has been replaced. Chrome usually says so with a stale element
     * reference; while the old document is being torn down it may instead answer that the node "does not belong
     * to the document", which means the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The checks {@link #visit} and {@link #after} run on the page the browser shows now. */
    public PageWeight checkPage() {
        long status = status();
        assertThat(status).as("HTTP status of %s (an error page is not a page a journey means to reach)", path())
                .isLessThan(400);
        return checkPage(status);
    }

    private PageWeight checkPage(long expectedStatus) {
        String path = path();
        assertThat(status()).as("HTTP status of %s", path).isEqualTo(expectedStatus);
        List<String> elsewhere = RequestLog.leavingLocalhost(RequestLog.read(driver));
        assertThat(elsewhere).as("requests from %s to hosts other than localhost (CDN?)", path).isEmpty();

        PageWeight weight = PageWeight.measure(driver, path);
        System.out.println(weight.line());
        assertThat(weight.withinBudget())
                .as("%s weighs %d bytes on first load, more than the budget of %d:%n%s", path, weight.bytes(),
                        PageWeight.BUDGET_BYTES, weight.breakdown())
                .isTrue();

        Axe.check(driver);
        return weight;
    }

    /** HTTP status of the page shown, after redirects; 0 for pages that did not come over HTTP (data:). */
    public long status() {
        Object status = driver.executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0;");
        return ((Number) status).longValue();
    }

    /** Path and query of the page shown, e.g. {@code /login?error}. */
    public String path() {
        return (String) driver.executeScript("return location.pathname + location.search");
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses keys on whatever has the focus. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Types into whatever has the focus. */
    public void type(String text) {
        press(text);
    }

    /**
     * Presses Tab until the element has the focus (none if it has it already) and returns how many presses it
     * took; fails if Tab never gets there.
     */
    public int tabTo(By target) {
        WebElement element = driver.findElement(target);
        for (int presses = 0; presses <= MAX_TABS; presses++) {
            if (element.equals(focused())) {
                return presses;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + target + " in " + MAX_TABS + " presses on " + path());
    }

    /** Starts the next load like a first visit: empty HTTP cache, and only its own requests in the log. */
    private void prepareFreshLoad() {
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        RequestLog.clear(driver);
    }

    /** Signs out of everything between tests: the next test starts as an anonymous first-time visitor. */
    void reset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        driver.get("about:blank");
        RequestLog.clear(driver);
    }
}
