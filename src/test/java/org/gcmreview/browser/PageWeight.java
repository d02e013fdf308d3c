package org.gcmreview.browser;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openqa.selenium.JavascriptExecutor;

/**
 * What one page cost to load: the document and every resource it pulled in, from the browser's Navigation and
 * Resource Timing entries.
 *
 * <p>Each entry counts its {@code transferSize}: the bytes that came over the network, compressed body plus
 * Chromium's allowance for the headers. The browser tests clear the cache before each measured load, so that is
 * what a first-time visitor pays. Chromium reports it over plain http too; only an entry it reports as 0 (served
 * from a cache, or opaque) falls back to {@code encodedBodySize}, so a page never looks lighter than its bodies.
 */
public record PageWeight(String path, List<Entry> entries) {

    /** 150 KB: the budget of a page for users on slow, metered connections. */
    public static final long BUDGET_BYTES = 150 * 1024;

    private static final String READ_ENTRIES = """
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                .map(e => ({ name: e.name, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize }));
            """;

    public record Entry(String url, long transferSize, long encodedBodySize) {

        public long bytes() {
            return transferSize > 0 ? transferSize : encodedBodySize;
        }
    }

    @SuppressWarnings("unchecked")
    static PageWeight measure(JavascriptExecutor js, String path) {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) js.executeScript(READ_ENTRIES);
        return new PageWeight(path, raw.stream()
                .map(e -> new Entry((String) e.get("name"), number(e.get("transferSize")),
                        number(e.get("encodedBodySize"))))
                .toList());
    }

    public long bytes() {
        return entries.stream().mapToLong(Entry::bytes).sum();
    }

    public boolean withinBudget() {
        return bytes() <= BUDGET_BYTES;
    }

    /** One line per page, e.g. {@code page-weight: /login 4.1 KB}. */
    public String line() {
        return String.format(Locale.ROOT, "page-weight: %s %.1f KB", path, bytes() / 1024.0);
    }

    public String breakdown() {
        return entries.stream().map(e -> "  " + e.url() + " " + e.bytes() + " bytes")
                .collect(Collectors.joining("\n"));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
