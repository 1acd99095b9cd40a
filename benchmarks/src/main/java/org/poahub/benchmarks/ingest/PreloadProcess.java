package org.poahub.benchmarks.ingest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.poahub.testkit.ChildJvm;

/**
 * The preload in a JVM of its own. Run in the hub's JVM, it compiled the Kafka producer and the Avro serializer for
 * the reports it sent, and the hub's outcome producer then ran on code shaped by another workload: the hub's drain
 * was partly warmed and partly deoptimized by a client a hub never hosts. Now the hub's JVM runs only the hub, as
 * the baseline's runs only the baseline. Settings go through {@link ChildSettings}.
 */
public final class PreloadProcess {

    private PreloadProcess() {
    }

    /** Sends {@code count} reports of the generator these settings make, and returns once the child has. */
    static void run(String bootstrapServers, String registryUrl, String registryUserInfo, List<String> regions,
                    int agentsPerRegion, double invalidPercent, long seed, int count, String maxHeap,
                    Duration timeout) throws IOException, InterruptedException {
        Properties settings = new Properties();
        ChildSettings.putKafka(settings, bootstrapServers);
        settings.setProperty("registry.url", registryUrl);
        settings.setProperty("registry.user-info", registryUserInfo);
        settings.setProperty("regions", String.join(",", regions));
        settings.setProperty("agents-per-region", Integer.toString(agentsPerRegion));
        settings.setProperty("invalid-percent", Double.toString(invalidPercent));
        settings.setProperty("seed", Long.toString(seed));
        settings.setProperty("count", Integer.toString(count));
        Process process = ChildSettings.start(PreloadProcess.class, settings, "preload", maxHeap);
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The preload did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("The preload's JVM exited with status " + process.exitValue()
                        + " (its stack trace is above)");
            }
        } finally {
            ChildJvm.stop(process);
        }
    }

    /** The child: the same generator as the parent's (same plan, same seed), sending through a producer of its own. */
    public static void main(String[] args) {
        Properties settings = ChildSettings.read(args[0]);
        ReportGenerator generator = new ReportGenerator(ShippedPlan.senavex2020(),
                List.of(settings.getProperty("regions").split(",")),
                Integer.parseInt(settings.getProperty("agents-per-region")),
                Double.parseDouble(settings.getProperty("invalid-percent")),
                Long.parseLong(settings.getProperty("seed")));
        try (ReportProducer producer = new ReportProducer(ChildSettings.kafka(settings), settings.getProperty("registry.url"),
                settings.getProperty("registry.user-info"))) {
            producer.preload(generator, Integer.parseInt(settings.getProperty("count")),
                    sent -> System.err.printf("  %,d sent%n", sent));
        }
        System.exit(0);
    }
}
