package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the axe.min.js of Deque's com.deque.html.axe-core:selenium, a test dependency from Maven
 * Central) on the page the browser shows, for the WCAG 2.0 and 2.1 level A and AA rules. Serious and critical
 * violations fail the test, each with its rule, impact, element and advice; moderate and minor ones are printed.
 */
final class Axe {

    static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final String SOURCE = load("/axe.min.js");

    /**
     * Returns plain maps so Selenium can hand them over without a JSON library. The number of rules that passed
     * shows that axe really looked at the page (an empty violation list alone could mean it checked nothing).
     */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
              .then(results => done({
                passed: results.passes.length,
                violations: results.violations.map(v => ({
                  id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), summary: n.failureSummary || '' }))
                }))
              }))
              .catch(e => done({ passed: 0, violations: [
                  { id: 'axe-error', impact: 'critical', help: String(e), helpUrl: '', nodes: [] }] }));
            """;

    private Axe() {
    }

    static void check(WebDriver driver) {
        List<Violation> violations = run(driver);
        String path = ((JavascriptExecutor) driver).executeScript("return location.pathname + location.search")
                .toString();
        violations.stream()
                .filter(v -> !v.failing())
                .forEach(v -> System.out.println("axe (" + v.impact() + ", not failing): " + path + " " + v));
        List<Violation> failing = violations.stream().filter(Violation::failing).toList();
        if (!failing.isEmpty()) {
            fail("axe found %d serious or critical WCAG 2.1 A/AA violation(s) on %s:%n%s".formatted(failing.size(),
                    path, failing.stream().map(Violation::toString).collect(Collectors.joining("\n"))));
        }
    }

    /** All violations of the WCAG A/AA rules on the current page, whatever their impact. */
    @SuppressWarnings("unchecked")
    static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // Injected through WebDriver, not as a <script> element: the page's CSP and its script-free markup stay
        // as they are.
        js.executeScript(SOURCE);
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript(RUN, WCAG_A_AND_AA);
        List<Violation> violations = ((List<Map<String, Object>>) results.get("violations")).stream()
                .map(Violation::of).toList();
        long passed = ((Number) results.get("passed")).longValue();
        if (passed == 0 && violations.stream().noneMatch(v -> v.id().equals("axe-error"))) {
            fail("axe ran no WCAG rule on this page; check the tags " + WCAG_A_AND_AA);
        }
        return violations;
    }

    record Violation(String id, String impact, String help, String helpUrl, List<String> targets) {

        @SuppressWarnings("unchecked")
        static Violation of(Map<String, Object> raw) {
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) raw.get("nodes");
            return new Violation((String) raw.get("id"), (String) raw.get("impact"), (String) raw.get("help"),
                    (String) raw.get("helpUrl"),
                    nodes.stream().map(n -> n.get("target") + " " + n.get("summary")).toList());
        }

        boolean failing() {
            return FAILING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            return "- " + id + " [" + impact + "] " + help + " (" + helpUrl + ")"
                    + targets.stream().map(t -> "\n    at " + t.replace("\n", " ")).collect(Collectors.joining());
        }
    }

    private static String load(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath: it comes with the test "
                        + "dependency com.deque.html.axe-core:selenium (pom.xml).");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
