package org.poahub.routes.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one bad record from stopping ingest. A batch that fails for a reason that is not a dependency being down
 * (a bug, a constraint violation) is tried {@code attempts} times; then its records are ingested one by one and
 * only those that still fail are rejected with {@link IngestRejectionCodes#PROCESSING_FAILED}: kept in
 * {@code rejected_report}, sent to the dead-letter topic with their original bytes and, when their message id can
 * be read, answered with a REJECTED outcome. A transient failure ({@link Failures#isTransient}) never takes this
 * path: it goes back to the route, which retries the whole batch with back-off.
 */
public class PoisonRecordIsolator implements BatchIngestion {

    private static final Logger log = LoggerFactory.getLogger(PoisonRecordIsolator.class);

    private final BatchIngestion delegate;
    private final ReportDecoder decoder;
    private final IngestStore store;
    private final int attempts;
    private final Clock clock;

    /** @param attempts how many times a whole batch is tried before it is taken apart (at least 1) */
    public PoisonRecordIsolator(BatchIngestion delegate, ReportDecoder decoder, IngestStore store, int attempts,
                                Clock clock) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.delegate = delegate;
        this.decoder = decoder;
        this.store = store;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public IngestBatchResult ingest(List<IncomingRecord> records) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return delegate.ingest(records);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw Failures.asTransient(e);
                }
                failure = e;
                log.warn("Batch of {} records from {} failed (attempt {} of {}): {}", records.size(),
                        records.get(0).coordinates(), attempt, attempts, e.toString());
            }
        }
        if (records.size() == 1) {
            return rejected(records.get(0), failure);
        }
        log.error("Batch from {} failed {} times; ingesting its {} records one by one", records.get(0).coordinates(),
                attempts, records.size(), failure);
        List<OutcomeMessage> outcomes = new ArrayList<>();
        List<Rejection> deadLetters = new ArrayList<>();
        Instant committedAt = null;
        for (IncomingRecord record : records) {
            IngestBatchResult result;
            try {
                result = delegate.ingest(List.of(record));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw Failures.asTransient(e);
                }
                result = rejected(record, e);
            }
            outcomes.addAll(result.outcomes());
            deadLetters.addAll(result.deadLetters());
            if (result.committedAt() != null) {
                committedAt = result.committedAt();
            }
        }
        // the last part's commit time, so end-to-end latency is measured for isolated batches too
        return new IngestBatchResult(outcomes, deadLetters, committedAt);
    }

    private IngestBatchResult rejected(IncomingRecord record, RuntimeException failure) {
        log.error("Record {} cannot be ingested; rejected as {}", record.coordinates(),
                IngestRejectionCodes.PROCESSING_FAILED, failure);
        DecodedReport report = decodedOrNull(record);
        String topicRegion = Topics.parse(record.topic()).map(Topics.RegionalTopic::regionCode).orElse(null);
        String message = "El informe no se pudo procesar por un error interno del hub. Quedó guardado para revisión; "
                + "no es necesario reenviarlo.";
        String detail = failure.toString();
        Rejection rejection = new Rejection(record, report == null ? null : report.messageId(),
                report == null ? topicRegion : report.regionCode(), ReportDecoder.schemaId(record.value()),
                IngestRejectionCodes.PROCESSING_FAILED, null, message, ReportIngestRoute.ROUTE_ID, clock.instant(),
                detail);
        try {
            store.inTransaction(tx -> {
                tx.recordRejection(rejection);
                return null;
            });
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw Failures.asTransient(e);
            }
            // The dead letter still carries the original bytes and the reason: nothing is dropped.
            log.error("Could not keep the rejection of {} in the database", record.coordinates(), e);
        }
        List<OutcomeMessage> outcomes = report == null || topicRegion == null ? List.of()
                : List.of(new OutcomeMessage(Topics.outcomes(topicRegion), ReportOutcome.newBuilder()
                        .setMessageId(report.messageId())
                        .setRegionCode(report.regionCode())
                        .setReportKind(report.kind())
                        .setStatus(OutcomeStatus.REJECTED)
                        .setFindings(List.of(new Finding(IngestRejectionCodes.PROCESSING_FAILED, Severity.ERROR,
                                null, message)))
                        .setProcessedAt(rejection.rejectedAt())
                        .build()));
        return new IngestBatchResult(outcomes, List.of(rejection), clock.instant());
    }

    private DecodedReport decodedOrNull(IncomingRecord record) {
        try {
            return decoder.decode(record).report();
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw Failures.asTransient(e);
            }
            return null;
        }
    }
}
