package org.poahub.hub.ingest;

import org.poahub.contract.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ingest flows ({@code poa.ingest.*}).
 *
 * @param enabled           whether the hub consumes the regional topics
 * @param groupId           consumer group of every hub instance
 * @param maxPollRecords    largest batch (one transaction)
 * @param pollTimeoutMs     longest wait for a batch to fill
 * @param retryDelayMs      first back-off after a transient failure (database, registry, broker)
 * @param maxRetryDelayMs   longest back-off
 * @param topicPartitions   partitions of the topics the hub creates when missing
 * @param replicationFactor replication of the topics the hub creates when missing
 * @param unbudgetedObject  severity of an expenditure on an object code the operation has no budget for
 */
@ConfigurationProperties("poa.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("poa-hub") String groupId,
        @DefaultValue("500") int maxPollRecords,
        @DefaultValue("1000") long pollTimeoutMs,
        @DefaultValue("500") long retryDelayMs,
        @DefaultValue("30000") long maxRetryDelayMs,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("WARNING") Severity unbudgetedObject) {
}
