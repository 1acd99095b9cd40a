package org.poahub.benchmarks.ingest;

import java.util.Arrays;

/**
 * End-to-end latencies in milliseconds, kept exactly (a latency phase holds some tens of thousands of values), with
 * nearest-rank percentiles. Thread-safe.
 */
final class LatencyRecorder {

    private long[] values = new long[1024];
    private int count;

    synchronized void record(long millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = millis;
    }

    synchronized int count() {
        return count;
    }

    /** The nearest-rank percentile, {@code 0 < percentile <= 100}. */
    synchronized long percentile(double percentile) {
        if (count == 0) {
            throw new IllegalStateException("No latency recorded");
        }
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, rank - 1)];
    }
}
