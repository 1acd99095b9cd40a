package org.poahub.hub.ingest;

import org.poahub.contract.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ingest flows ({@code poa.ingest.*}).
 *
 * @param enabled                   whether the hub consumes the regional topics
 * @param groupId                   consumer group of every hub instance
 * @param maxPollRecords            largest batch (one transaction). A batch's fixed costs (a dozen statements, a
 *                                  produce request to every outcome partition it touches, an offset commit) are
 *                                  shared by more reports: with 2,000 the hub drained a backlog 9–18 % faster than
 *                                  with 500 (docs/benchmarks.md, "Fifteenth session"). Live traffic is unaffected: a
 *                                  batch is dispatched once it is {@code batchingIntervalMs} old, full or not
 * @param pollTimeoutMs             longest wait of one poll for records (an idle hub polls this often)
 * @param batchingIntervalMs        age at which a partial batch is processed even while records keep arriving: the
 *                                  bound on how long a report waits for its batch (end-to-end latency)
 * @param retryDelayMs              first back-off after a transient failure (database, registry, broker)
 * @param maxRetryDelayMs           longest back-off
 * @param topicPartitions           partitions of the topics the hub creates when missing
 * @param consumers                 Kafka consumers (threads) of this instance in the group, each with its own
 *                                  partitions and batches: one works while another waits for PostgreSQL or the broker.
 *                                  Two by default: on two cores shared with PostgreSQL and the broker, a third drained
 *                                  a backlog a fifth slower (docs/benchmarks.md, "Fifteenth session")
 * @param replicationFactor         replication of the topics the hub creates when missing
 * @param unbudgetedObject          severity of an expenditure on an object code the operation has no budget for
 * @param poisonBatchAttempts       how often a batch failing for a non-transient reason is tried before its records
 *                                  are ingested one by one and the failing ones rejected ({@code PROCESSING_FAILED})
 * @param maxPollIntervalMs         Kafka {@code max.poll.interval.ms}: a batch held longer (a dependency down) makes
 *                                  the consumer leave the group; its batch is redelivered, which is idempotent
 * @param kafkaShutdownTimeoutMs    camel-kafka {@code shutdownTimeout}: longest wait for a consumer to stop
 * @param producerMaxBlockMs        Kafka {@code max.block.ms}: longest a send waits for metadata or buffer space
 * @param producerRequestTimeoutMs  Kafka {@code request.timeout.ms} of the producers
 * @param producerDeliveryTimeoutMs Kafka {@code delivery.timeout.ms}: a send fails (and the batch is retried)
 *                                  after this, and a producer closing with a dead broker waits no longer
 * @param fetchMinBytes             Kafka {@code fetch.min.bytes} of the ingest consumers: the broker answers a fetch
 *                                  once this much is there, or after {@code fetchMaxWaitMs}. With the client's 1 byte,
 *                                  steady traffic made each consumer fetch a few records at a time, hundreds of
 *                                  times a second, which used more CPU in the hub and the broker than the ingest
 *                                  itself (docs/benchmarks.md, "Latency"); a backlog fills it at once
 * @param fetchMaxWaitMs            Kafka {@code fetch.max.wait.ms}: the longest the broker holds a fetch; keep it
 *                                  well under {@code batchingIntervalMs}, which a report waits for its batch anyway
 */
@ConfigurationProperties("poa.ingest")
public record IngestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("poa-hub") String groupId,
        @DefaultValue("2000") int maxPollRecords,
        @DefaultValue("100") long pollTimeoutMs,
        @DefaultValue("50") int batchingIntervalMs,
        @DefaultValue("500") long retryDelayMs,
        @DefaultValue("30000") long maxRetryDelayMs,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("2") int consumers,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("WARNING") Severity unbudgetedObject,
        @DefaultValue("3") int poisonBatchAttempts,
        @DefaultValue("300000") int maxPollIntervalMs,
        @DefaultValue("10000") int kafkaShutdownTimeoutMs,
        @DefaultValue("10000") int producerMaxBlockMs,
        @DefaultValue("10000") int producerRequestTimeoutMs,
        @DefaultValue("30000") int producerDeliveryTimeoutMs,
        @DefaultValue("65536") int fetchMinBytes,
        @DefaultValue("25") int fetchMaxWaitMs) {
}
