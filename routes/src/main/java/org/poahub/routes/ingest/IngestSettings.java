package org.poahub.routes.ingest;

import java.util.List;

/**
 * How the ingest route consumes.
 *
 * @param topics                  the regional report topics
 * @param groupId                 consumer group shared by every hub instance
 * @param maxPollRecords          largest batch
 * @param pollTimeoutMs           how long one poll waits for records; a partial batch is dispatched after an empty
 *                                poll once it is this old
 * @param batchingIntervalMs      a partial batch is dispatched at the first poll after it is this old, even while
 *                                records keep arriving (without it, steady traffic below a full batch per poll
 *                                waits until the batch fills: the p50 of 800 ms at 1,000 reports/s)
 * @param retryDelayMs            first back-off after a transient failure
 * @param maxRetryDelayMs         longest back-off (doubling from {@code retryDelayMs})
 * @param consumers               consumers of this instance in the group, each a thread with its own partitions
 *                                and batches (Camel {@code consumersCount})
 */
public record IngestSettings(List<String> topics, String groupId, int maxPollRecords, long pollTimeoutMs,
                             int batchingIntervalMs, long retryDelayMs, long maxRetryDelayMs, int consumers) {

    public IngestSettings {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("The ingest route needs at least one topic");
        }
        if (batchingIntervalMs < 1) {
            throw new IllegalArgumentException("The batching interval must be at least 1 ms, was " + batchingIntervalMs);
        }
        if (consumers < 1) {
            throw new IllegalArgumentException("The ingest route needs at least one consumer, was " + consumers);
        }
    }

    /**
     * Spreads every partition of every topic over all consumers of the group. Kafka's default (range, per topic)
     * gives partition {@code i} of each topic to the {@code i}-th consumer, so with 3 partitions a topic and more than
     * 3 consumers in the group (two hubs of 3 consumers) some consumers, a whole hub even, get nothing. Range stays
     * listed second so a group whose older members only know it still forms during an upgrade.
     */
    static final String ASSIGNORS = "org.apache.kafka.clients.consumer.RoundRobinAssignor,"
            + "org.apache.kafka.clients.consumer.RangeAssignor";

    /** The consumer endpoint: batches, raw bytes, offsets committed by the route only after the database commit. */
    public String consumerUri() {
        return "kafka:" + String.join(",", topics)
                + "?groupId=" + groupId + "&consumersCount=" + consumers + "&partitionAssignor=" + ASSIGNORS
                + "&batching=true&maxPollRecords=" + maxPollRecords + "&pollTimeoutMs=" + pollTimeoutMs
                + "&batchingIntervalMs=" + batchingIntervalMs
                + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&autoOffsetReset=earliest"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer";
    }
}
