package org.poahub.benchmarks.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.poahub.testkit.ChildJvm;
import org.poahub.testkit.ChildMain;
import org.poahub.testkit.TestDatabase;

/**
 * The {@link BaselineConsumer} in a JVM of its own, so that it pays its own warm-up (class loading and JIT of the
 * Kafka client, the Avro decoder and pgjdbc) as the hub does, instead of running on code the hub's drain compiled.
 * Its settings go through {@link ChildSettings}.
 */
final class BaselineProcess implements AutoCloseable {

    private final String groupId = "bench-baseline-" + UUID.randomUUID();
    private final Process process;

    BaselineProcess(String bootstrapServers, List<String> topics, int maxPollRecords, TestDatabase database,
                    String registryUrl, String registryUserInfo, String maxHeap) {
        Properties settings = new Properties();
        ChildSettings.putKafka(settings, bootstrapServers);
        settings.setProperty("group", groupId);
        settings.setProperty("topics", String.join(",", topics));
        settings.setProperty("max-poll-records", Integer.toString(maxPollRecords));
        settings.setProperty("jdbc.url", database.jdbcUrl());
        settings.setProperty("jdbc.user", database.user());
        settings.setProperty("jdbc.password", database.password());
        settings.setProperty("registry.url", registryUrl);
        settings.setProperty("registry.user-info", registryUserInfo);
        try {
            process = ChildSettings.start(BaselineConsumer.class, settings, "baseline", maxHeap);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the baseline's JVM", e);
        }
    }

    /** What {@link BaselineConsumer#main} reads from the settings file. */
    static BaselineConsumer consumerFrom(Properties settings) {
        return new BaselineConsumer(ChildSettings.kafka(settings), settings.getProperty("group"),
                List.of(settings.getProperty("topics").split(",")),
                Integer.parseInt(settings.getProperty("max-poll-records")),
                new TestDatabase(settings.getProperty("jdbc.url"), settings.getProperty("jdbc.user"),
                        settings.getProperty("jdbc.password")),
                settings.getProperty("registry.url"), settings.getProperty("registry.user-info"));
    }

    String groupId() {
        return groupId;
    }

    /** Fails when the child has exited: it only stops when told to. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("The baseline's JVM exited with status " + process.exitValue()
                    + " (its stack trace is above)");
        }
    }

    /** Closing its stdin makes the child exit ({@link ChildMain}). */
    @Override
    public void close() {
        ChildJvm.stop(process);
    }
}
