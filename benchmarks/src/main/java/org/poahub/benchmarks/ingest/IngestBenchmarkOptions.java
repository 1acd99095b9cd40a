package org.poahub.benchmarks.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of {@link IngestBenchmark} does.
 *
 * @param reports          reports preloaded and drained by the hub and by the baseline
 * @param partitions       partitions of each regional topic (the hub's default is 3)
 * @param reportsPerAgent  about how many reports each agent sends (sets the number of agents per region)
 * @param invalidPercent   share of reports on an operation the plan does not have (rejected by the hub)
 * @param loadRate         offered load of the latency phase, reports per second
 * @param loadSeconds      duration of the latency phase
 * @param warmupSeconds    the same load offered first and not recorded: the load generator's producer is new at
 *                         the phase's start and the hub has only seen full batches (docs/benchmarks.md, "Latency")
 * @param seed             random seed of the report generator (same seed, same reports)
 */
public record IngestBenchmarkOptions(int reports, int partitions, int reportsPerAgent, double invalidPercent,
                                     int loadRate, int loadSeconds, int warmupSeconds, long seed) {

    public static final IngestBenchmarkOptions DEFAULTS =
            new IngestBenchmarkOptions(1_000_000, 3, 3_000, 1.0, 1_000, 60, 10, 20200101L);

    public IngestBenchmarkOptions {
        require(reports > 0, "--reports must be positive");
        require(partitions > 0, "--partitions must be positive");
        require(reportsPerAgent > 0, "--reports-per-agent must be positive");
        require(invalidPercent >= 0 && invalidPercent <= 100, "--invalid-percent must be between 0 and 100");
        require(loadRate >= 0, "--load-rate must not be negative");
        require(loadSeconds >= 0, "--load-seconds must not be negative");
        require(warmupSeconds >= 0, "--warmup-seconds must not be negative");
    }

    /** Agents per region, so that every agent sends about {@link #reportsPerAgent} of the preloaded reports. */
    public int agentsPerRegion(int regions) {
        return Math.max(1, (int) Math.ceil((double) reports / regions / reportsPerAgent));
    }

    public boolean latencyPhase() {
        return loadRate > 0 && loadSeconds > 0;
    }

    /**
     * Parses {@code --name value} pairs. A handful of numeric flags: a hand-written loop is shorter than wiring a
     * CLI library into a module that has none.
     */
    public static IngestBenchmarkOptions parse(String... args) {
        IngestBenchmarkOptions o = DEFAULTS;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(flag + " needs a value; " + usage());
            }
            String value = rest.remove(0).replace("_", "");
            try {
                o = switch (flag) {
                    case "--reports" -> new IngestBenchmarkOptions(Integer.parseInt(value), o.partitions,
                            o.reportsPerAgent, o.invalidPercent, o.loadRate, o.loadSeconds, o.warmupSeconds, o.seed);
                    case "--partitions" -> new IngestBenchmarkOptions(o.reports, Integer.parseInt(value),
                            o.reportsPerAgent, o.invalidPercent, o.loadRate, o.loadSeconds, o.warmupSeconds, o.seed);
                    case "--reports-per-agent" -> new IngestBenchmarkOptions(o.reports, o.partitions,
                            Integer.parseInt(value), o.invalidPercent, o.loadRate, o.loadSeconds, o.warmupSeconds,
                            o.seed);
                    case "--invalid-percent" -> new IngestBenchmarkOptions(o.reports, o.partitions,
                            o.reportsPerAgent, Double.parseDouble(value), o.loadRate, o.loadSeconds,
                            o.warmupSeconds, o.seed);
                    case "--load-rate" -> new IngestBenchmarkOptions(o.reports, o.partitions, o.reportsPerAgent,
                            o.invalidPercent, Integer.parseInt(value), o.loadSeconds, o.warmupSeconds, o.seed);
                    case "--load-seconds" -> new IngestBenchmarkOptions(o.reports, o.partitions, o.reportsPerAgent,
                            o.invalidPercent, o.loadRate, Integer.parseInt(value), o.warmupSeconds, o.seed);
                    case "--seed" -> new IngestBenchmarkOptions(o.reports, o.partitions, o.reportsPerAgent,
                            o.invalidPercent, o.loadRate, o.loadSeconds, o.warmupSeconds, Long.parseLong(value));
                    case "--warmup-seconds" -> new IngestBenchmarkOptions(o.reports, o.partitions, o.reportsPerAgent,
                            o.invalidPercent, o.loadRate, o.loadSeconds, Integer.parseInt(value), o.seed);
                    default -> throw new IllegalArgumentException("Unknown option " + flag + "; " + usage());
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " expects a number, got '" + value + "'", e);
            }
        }
        return o;
    }

    static String usage() {
        return "options: --reports N (1000000) --partitions P (3) --reports-per-agent R (3000) "
                + "--invalid-percent X (1.0) --load-rate R (1000) --load-seconds S (60) --warmup-seconds W (10) "
                + "--seed S";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
