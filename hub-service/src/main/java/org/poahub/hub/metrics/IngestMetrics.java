package org.poahub.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.poahub.contract.Finding;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.contract.Topics;
import org.poahub.routes.ingest.AfterOffsetCommit;
import org.poahub.routes.ingest.IngestBatchResult;
import org.poahub.routes.ingest.OutcomeMessage;
import org.poahub.routes.ingest.Rejection;

/**
 * Ingest metrics, recorded once a batch is complete (see {@code hub-service/README.md} for the names). Redelivered or
 * resent reports are counted as duplicates only, so the report counters match the {@code report} table.
 */
public class IngestMetrics implements AfterOffsetCommit {

    static final String REPORTS = "poa.ingest.reports";
    static final String REJECTIONS = "poa.ingest.rejections";
    static final String WARNINGS = "poa.ingest.warnings";
    static final String DUPLICATES = "poa.ingest.duplicates";
    static final String LATENCY = "poa.ingest.latency";
    static final String BATCH_SIZE = "poa.ingest.batch.size";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            REPORTS, "Reports ingested, by kind and outcome status",
            REJECTIONS, "Rejected reports, by kind and reason code",
            WARNINGS, "Warnings on accepted reports, by kind and rule code",
            DUPLICATES, "Reports received again (redelivery or resend), counted once");

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencyTimers = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder(BATCH_SIZE).baseUnit("records")
                .description("Kafka records per ingest batch (one database transaction)")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void batchCommitted(IngestBatchResult result) {
        batchSize.record(result.recordCount());
        // Tallied first, then each meter found and incremented once per batch rather than once per report.
        Map<List<String>, Integer> counts = new HashMap<>();
        for (OutcomeMessage message : result.outcomes()) {
            record(message, result.committedAt(), counts);
        }
        for (Rejection rejection : result.undecodable()) {
            String kind = kindOfTopic(rejection.source().topic());
            tally(counts, REPORTS, "kind", kind, "status", "REJECTED");
            tally(counts, REJECTIONS, "kind", kind, "code", rejection.code());
        }
        counts.forEach((meter, n) -> counter(meter).increment(n));
    }

    private void record(OutcomeMessage message, Instant committedAt, Map<List<String>, Integer> counts) {
        ReportOutcome outcome = message.outcome();
        String kind = outcome.getReportKind().name();
        if (message.redelivered()) {
            tally(counts, DUPLICATES, "kind", kind);
            return;
        }
        tally(counts, REPORTS, "kind", kind, "status", outcome.getStatus().name());
        boolean reasonCounted = false;
        for (Finding finding : outcome.getFindings()) {
            if (finding.getSeverity() == Severity.WARNING) {
                tally(counts, WARNINGS, "kind", kind, "code", finding.getCode());
            } else if (!reasonCounted) {
                // The first error is the rejection's reason, as in rejected_report and the dead letter.
                tally(counts, REJECTIONS, "kind", kind, "code", finding.getCode());
                reasonCounted = true;
            }
        }
        if (message.reportedAt() != null && committedAt != null) {
            Duration latency = Duration.between(message.reportedAt(), committedAt);
            // An agent clock ahead of the hub's would give a negative latency; it counts as none.
            latencyTimers.computeIfAbsent(kind, k -> Timer.builder(LATENCY)
                            .description("From the report's reportedAt to the commit of its batch")
                            .tag("kind", k).publishPercentileHistogram().register(registry))
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    /** One more for the counter named first, with the tags (key, value, ...) after it. */
    private static void tally(Map<List<String>, Integer> counts, String... nameAndTags) {
        counts.merge(List.of(nameAndTags), 1, Integer::sum);
    }

    private Counter counter(List<String> nameAndTags) {
        return counters.computeIfAbsent(nameAndTags, key -> Counter.builder(key.get(0))
                .description(DESCRIPTIONS.get(key.get(0)))
                .tags(key.subList(1, key.size()).toArray(String[]::new)).register(registry));
    }

    static String kindOfTopic(String topic) {
        return Topics.parse(topic).map(t -> switch (t.kind()) {
            case PROGRESS -> ReportKind.PROGRESS.name();
            case EXPENDITURE -> ReportKind.EXPENDITURE.name();
            case OUTCOMES -> ReportKind.UNKNOWN.name();
        }).orElse(ReportKind.UNKNOWN.name());
    }
}
