package org.poahub.routes.ingest;

import java.util.List;

/**
 * How the ingest route consumes.
 *
 * @param topics                  the regional report topics
 * @param groupId                 consumer group shared by every hub instance
 * @param maxPollRecords          largest batch
 * @param pollTimeoutMs           how long a poll waits, and so how long a partial batch waits
 * @param retryDelayMs            first back-off after a transient failure
 * @param maxRetryDelayMs         longest back-off (doubling from {@code retryDelayMs})
 */
public record IngestSettings(List<String> topics, String groupId, int maxPollRecords, long pollTimeoutMs,
                             long retryDelayMs, long maxRetryDelayMs) {

    public IngestSettings {
        topics = List.copyOf(topics);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("The ingest route needs at least one topic");
        }
    }

    /** The consumer endpoint: batches, raw bytes, offsets committed by the route only after the database commit. */
    public String consumerUri() {
        return "kafka:" + String.join(",", topics)
                + "?groupId=" + groupId
                + "&batching=true&maxPollRecords=" + maxPollRecords + "&pollTimeoutMs=" + pollTimeoutMs
                + "&autoCommitEnable=false&allowManualCommit=true&breakOnFirstError=true"
                + "&autoOffsetReset=earliest"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer";
    }
}
