package org.poahub.routes.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Ingest flow: a batch of regional records → decode, validate, persist (one transaction) → publish outcomes and
 * dead letters → commit the offsets. A transient failure is retried with back-off on the same batch; a batch that
 * keeps failing otherwise has its bad records set aside by the {@link PoisonRecordIsolator}; any other failure
 * (publishing, committing) leaves the offsets uncommitted and the consumer seeks back to the batch
 * ({@code breakOnFirstError}).
 */
public class ReportIngestRoute extends RouteBuilder {

    public static final String ROUTE_ID = "ingest-reports";
    private static final String RESULT = "poaIngestResult";
    private static final String COMMITS = "poaIngestCommits";
    static final int STARTUP_ORDER = 100;

    private final IngestSettings settings;
    private final BatchIngestion ingestor;
    private final BeforeOffsetCommit beforeOffsetCommit;
    private final AfterOffsetCommit afterOffsetCommit;

    public ReportIngestRoute(IngestSettings settings, BatchIngestion ingestor,
                             BeforeOffsetCommit beforeOffsetCommit, AfterOffsetCommit afterOffsetCommit) {
        this.settings = settings;
        this.ingestor = ingestor;
        this.beforeOffsetCommit = beforeOffsetCommit;
        this.afterOffsetCommit = afterOffsetCommit;
    }

    @Override
    public void configure() {
        onException(TransientIngestException.class, RetriableException.class)
                .maximumRedeliveries(-1)
                .redeliveryDelay(settings.retryDelayMs())
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(settings.maxRetryDelayMs())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .getRedeliveryPolicyType()
                // On shutdown give up the batch (its offsets stay uncommitted, so it is redelivered) instead of
                // holding the stop for the whole graceful-shutdown timeout.
                .allowRedeliveryWhileStopping(false);

        // The consumer was evicted from the group (a batch held longer than max.poll.interval.ms, e.g. while the
        // database was down): the batch is redelivered to whoever owns the partition now, and is idempotent.
        onException(CommitFailedException.class)
                .maximumRedeliveries(0)
                .retriesExhaustedLogLevel(LoggingLevel.WARN).logStackTrace(false).logExhaustedMessageHistory(false);

        // Started after (so stopped before) the outcome and dead-letter routes it sends to.
        from(settings.consumerUri()).routeId(ROUTE_ID).startupOrder(STARTUP_ORDER)
                .process(this::ingestBatch)
                .setBody(exchange -> result(exchange).outcomes()).to(OutcomeRoute.ENDPOINT)
                .setBody(exchange -> result(exchange).deadLetters()).to(DeadLetterRoute.ENDPOINT)
                .process(exchange -> beforeOffsetCommit.run(result(exchange)))
                .process(ReportIngestRoute::commitOffsets)
                .process(exchange -> afterOffsetCommit.batchCommitted(result(exchange)));
    }

    private void ingestBatch(Exchange exchange) {
        List<?> batch = exchange.getMessage().getBody(List.class);
        List<Exchange> exchanges = batch.stream().map(Exchange.class::cast).toList();
        List<IncomingRecord> records = exchanges.stream().map(ReportIngestRoute::incomingRecord).toList();
        exchange.setProperty(COMMITS, lastCommitPerPartition(exchanges));
        exchange.setProperty(RESULT, ingestor.ingest(records));
    }

    /**
     * In batching mode Camel puts on the batch only the manual commit of its last record, which covers that record's
     * partition alone; a batch spans several partitions and topics, so each partition's last record is committed.
     */
    private static List<KafkaManualCommit> lastCommitPerPartition(List<Exchange> records) {
        Map<String, KafkaManualCommit> last = new LinkedHashMap<>();
        for (Exchange record : records) {
            var message = record.getMessage();
            KafkaManualCommit commit = message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException("No manual commit on a record: allowManualCommit must be on");
            }
            last.put(message.getHeader(KafkaConstants.TOPIC, String.class) + "-"
                    + message.getHeader(KafkaConstants.PARTITION, Integer.class), commit);
        }
        return new ArrayList<>(last.values());
    }

    private static IncomingRecord incomingRecord(Exchange record) {
        var message = record.getMessage();
        return new IncomingRecord(message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class),
                message.getBody(byte[].class));
    }

    private static IngestBatchResult result(Exchange exchange) {
        return exchange.getProperty(RESULT, IngestBatchResult.class);
    }

    /**
     * Every partition of the batch in one synchronous commit. {@link KafkaManualCommit#commit()} commits one partition
     * per call, each a round trip to the group coordinator before the next poll: a batch spans up to 18 partitions
     * per consumer (docs/benchmarks.md, "Latency"). The route runs on the consumer's own thread (batching mode), the
     * one thread that may use the consumer.
     */
    private static void commitOffsets(Exchange exchange) {
        List<?> commits = exchange.getProperty(COMMITS, List.class);
        if (commits.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        DefaultKafkaManualCommit any = null;
        for (Object c : commits) {
            DefaultKafkaManualCommit commit = (DefaultKafkaManualCommit) c;
            offsets.put(commit.getPartition(), new OffsetAndMetadata(commit.getRecordOffset() + 1));
            any = commit;
        }
        // the consumer as Camel hands it to commit factories (the getter on the commit itself is deprecated)
        any.getCamelExchangePayload().consumer.commitSync(offsets, Duration.ofMillis(any.getCommitTimeout()));
    }
}
