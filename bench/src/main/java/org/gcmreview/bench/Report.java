package org.gcmreview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one run: a table (each figure beside its baseline and its target) and the detail behind it
 * (latency breakdowns, statements per request, query plans). Printed at the end and written to
 * target/bench/report.md.
 */
final class Report {

    /** One line of the figures table. */
    record Row(String figure, String measured, String baseline, String ratio, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder detail = new StringBuilder();
    private final StringBuilder machine = new StringBuilder();

    void machine(String line) {
        machine.append("- ").append(line).append('\n');
        System.out.println("[bench] " + line);
    }

    void row(String figure, String measured, String baseline, String ratio, String target, Boolean met) {
        rows.add(new Row(figure, measured, baseline, ratio, target, met == null ? "" : met ? "met" : "NOT met"));
        System.out.println("[bench] " + figure + ": " + measured + (baseline.isEmpty() ? "" : " | baseline " + baseline)
                + (ratio.isEmpty() ? "" : " | " + ratio));
    }

    void detail(String text) {
        detail.append(text).append('\n');
        System.out.println("[bench] " + text.replace("\n", "\n[bench] "));
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("## Machine\n\n").append(machine).append('\n');
        out.append("## Figures\n\n");
        out.append("| figure | measured | baseline (same run) | ratio | target | |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            out.append("| ").append(r.figure()).append(" | ").append(r.measured()).append(" | ").append(r.baseline())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" | ").append(r.verdict())
                    .append(" |\n");
        }
        out.append("\n## Detail\n\n").append(detail);
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown());
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : value < 10 ? "%.2f ms".formatted(value) : "%.1f ms".formatted(value);
    }

    static String latencies(Latencies l) {
        return "p50 %s / p95 %s / p99 %s".formatted(ms(l.percentileMs(50)), ms(l.percentileMs(95)),
                ms(l.percentileMs(99)));
    }
}
