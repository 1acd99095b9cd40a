package org.poahub.routes.ingest;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.kafka.clients.consumer.CommitFailedException;
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

        from(settings.consumerUri()).routeId(ROUTE_ID)
                .process(this::ingestBatch)
                .setBody(exchange -> result(exchange).outcomes()).to(OutcomeRoute.ENDPOINT)
                .setBody(exchange -> result(exchange).deadLetters()).to(DeadLetterRoute.ENDPOINT)
                .process(exchange -> beforeOffsetCommit.run(result(exchange)))
                .process(ReportIngestRoute::commitOffsets)
                .process(exchange -> afterOffsetCommit.batchCommitted(result(exchange)));
    }

    private void ingestBatch(Exchange exchange) {
        List<?> exchanges = exchange.getMessage().getBody(List.class);
        List<IncomingRecord> records = exchanges.stream().map(Exchange.class::cast)
                .map(ReportIngestRoute::incomingRecord).toList();
        exchange.setProperty(RESULT, ingestor.ingest(records));
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

    private static void commitOffsets(Exchange exchange) {
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT,
                KafkaManualCommit.class);
        if (commit == null) {
            throw new IllegalStateException("No manual commit on the batch: allowManualCommit must be on");
        }
        commit.commit();
    }
}
