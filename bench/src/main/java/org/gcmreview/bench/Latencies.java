package org.gcmreview.bench;

import java.util.Arrays;

/**
 * Latencies of one measured operation and the wall time they were taken in.
 *
 * @param nanos one duration per completed operation
 * @param wallNanos from the first client's start to the last client's end
 * @param errors operations that did not give the expected answer (not in {@code nanos})
 */
record Latencies(long[] nanos, long wallNanos, int errors) {

    static Latencies of(long[] nanos, long wallNanos, int errors) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted, wallNanos, errors);
    }

    int count() {
        return nanos.length;
    }

    double perSecond() {
        return wallNanos <= 0 ? 0 : nanos.length / (wallNanos / 1e9);
    }

    /** Nearest-rank percentile in milliseconds. */
    double percentileMs(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    double meanMs() {
        return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    String summary() {
        return "n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s".formatted(count(), percentileMs(50),
                percentileMs(95), percentileMs(99), nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6,
                errors == 0 ? "" : ", " + errors + " errors");
    }
}
