package org.poahub.benchmarks.ingest;

import java.util.Locale;
import java.util.Map;

/**
 * What one run measured, and its Markdown table.
 *
 * @param hubStatuses      report rows per status in the hub's database after the drain
 * @param baselineSeconds  the baseline's drain in a JVM of its own (what the ratio uses)
 * @param baselineHubJvmSeconds the same drain by the baseline as a thread in the hub's JVM after the hub's drain,
 *                         on code that drain compiled (the measure until the ninth session)
 * @param latency          null when the latency phase was skipped
 * @param loadAverageStart the machine's 1-minute load average when the run started
 * @param loadAverageEnd   the same when it ended
 */
record IngestBenchmarkResult(int reports, int agentsPerRegion, double preloadSeconds, double hubSeconds,
                             Map<String, Long> hubStatuses, double baselineSeconds, double baselineHubJvmSeconds,
                             Latency latency,
                             double loadAverageStart, double loadAverageEnd) {

    /** End-to-end latencies (reported-at → database commit) at a fixed offered load, from an HdrHistogram. */
    record Latency(int rate, int seconds, int warmupSeconds, int measured, long p50, long p99, long p999, long max) {
    }

    double hubRate() {
        return reports / hubSeconds;
    }

    double baselineRate() {
        return reports / baselineSeconds;
    }

    double ratio() {
        return hubRate() / baselineRate();
    }

    String markdown(IngestBenchmarkOptions options, String machine) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Ingest benchmark: %,d reports (%s), %d partitions per topic, "
                        + "%d agents per region, %.1f %% on an unknown operation, seed %d%n",
                reports, "about 60 % expenditure, 40 % progress, 9 regions", options.partitions(), agentsPerRegion,
                options.invalidPercent(), options.seed()));
        out.append(String.format(Locale.ROOT, "Machine: %s; load average %.1f at start, %.1f at end%n",
                machine, loadAverageStart, loadAverageEnd));
        out.append(String.format(Locale.ROOT, "Preload: %.1f s (%,.0f reports/s)%n%n", preloadSeconds,
                reports / preloadSeconds));
        out.append("| measure | hub | baseline (its own JVM) | hub / baseline |\n|---|---|---|---|\n");
        out.append(String.format(Locale.ROOT, "| drain %,d reports to PostgreSQL | %.1f s | %.1f s | |%n",
                reports, hubSeconds, baselineSeconds));
        out.append(String.format(Locale.ROOT, "| throughput | %,.0f reports/s | %,.0f reports/s | **%.0f %%** "
                + "(target ≥ 80 %%) |%n", hubRate(), baselineRate(), 100 * ratio()));
        double hubJvmRate = reports / baselineHubJvmSeconds;
        out.append(String.format(Locale.ROOT, "| the baseline as a thread in the hub's JVM after the hub's drain "
                        + "(the measure until the ninth session) | | %.1f s, %,.0f reports/s | %.0f %% |%n",
                baselineHubJvmSeconds, hubJvmRate, 100 * hubRate() / hubJvmRate));
        if (latency != null) {
            out.append(String.format(Locale.ROOT, "| end-to-end latency at %,d reports/s for %d s "
                            + "(reported-at → commit; %,d reports; after %d s of the same load, not recorded) "
                            + "| p50 %,d ms, p99 %,d ms, p99.9 %,d ms, max %,d ms | — | |%n",
                    latency.rate(), latency.seconds(), latency.measured(), latency.warmupSeconds(), latency.p50(),
                    latency.p99(), latency.p999(), latency.max()));
        }
        out.append("\nHub outcomes of the drained reports: ").append(hubStatuses).append('\n');
        return out.toString();
    }
}
