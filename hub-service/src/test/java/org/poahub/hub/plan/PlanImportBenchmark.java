package org.poahub.hub.plan;

import org.poahub.plan.Plan;

/**
 * Plan import throughput (results in {@code docs/benchmarks.md}): the shipped SENAVEX 2020 plan (46 operations),
 * read and validated from its CSV and its XLSX ({@code CsvPlanReader}/{@code XlsxPlanReader} then
 * {@code PlanFileParser}), in one JVM after a warm-up; no database. Uses only the API the plan import had before
 * the reading layer, so the same file measures the old code too. Args: seconds per format (default 20).
 */
public final class PlanImportBenchmark {

    private PlanImportBenchmark() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        byte[] csv = ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV);
        byte[] xlsx = ShippedPlans.bytes(ShippedPlans.SENAVEX_XLSX);
        PlanFileParser parser = ShippedPlans.parser();
        for (String format : new String[] {"csv", "xlsx"}) {
            byte[] content = format.equals("csv") ? csv : xlsx;
            run(parser, format, content, seconds / 4); // warm-up
            long[] result = run(parser, format, content, seconds);
            System.out.printf("plan import %s (SENAVEX 2020, read + validate): %,.0f plans/s, %.2f ms per plan%n",
                    format, result[0] / (result[1] / 1e9), result[1] / 1e6 / result[0]);
        }
    }

    private static long[] run(PlanFileParser parser, String format, byte[] content, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            PlanSheet sheet = format.equals("csv") ? CsvPlanReader.read(content) : XlsxPlanReader.read(content);
            Plan plan = parser.parse(sheet);
            sink += plan.operations().size();
            count++;
        }
        if (sink != 46 * count) {
            throw new IllegalStateException("the plan did not import: " + sink + " operations in " + count + " runs");
        }
        return new long[] {count, System.nanoTime() - start};
    }
}
