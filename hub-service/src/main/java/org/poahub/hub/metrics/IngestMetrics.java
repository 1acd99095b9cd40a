package org.poahub.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
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

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder(BATCH_SIZE).baseUnit("records")
                .description("Kafka records per ingest batch (one database transaction)")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void batchCommitted(IngestBatchResult result) {
        batchSize.record(result.recordCount());
        for (OutcomeMessage message : result.outcomes()) {
            record(message, result.committedAt());
        }
        for (Rejection rejection : result.undecodable()) {
            String kind = kindOfTopic(rejection.source().topic());
            count(REPORTS, "Reports ingested, by kind and outcome status", "kind", kind, "status", "REJECTED");
            count(REJECTIONS, "Rejected reports, by kind and reason code", "kind", kind, "code", rejection.code());
        }
    }

    private void record(OutcomeMessage message, Instant committedAt) {
        ReportOutcome outcome = message.outcome();
        String kind = outcome.getReportKind().name();
        if (message.redelivered()) {
            count(DUPLICATES, "Reports received again (redelivery or resend), counted once", "kind", kind);
            return;
        }
        count(REPORTS, "Reports ingested, by kind and outcome status", "kind", kind,
                "status", outcome.getStatus().name());
        boolean reasonCounted = false;
        for (Finding finding : outcome.getFindings()) {
            if (finding.getSeverity() == Severity.WARNING) {
                count(WARNINGS, "Warnings on accepted reports, by kind and rule code", "kind", kind,
                        "code", finding.getCode());
            } else if (!reasonCounted) {
                // The first error is the rejection's reason, as in rejected_report and the dead letter.
                count(REJECTIONS, "Rejected reports, by kind and reason code", "kind", kind, "code", finding.getCode());
                reasonCounted = true;
            }
        }
        if (message.reportedAt() != null && committedAt != null) {
            Duration latency = Duration.between(message.reportedAt(), committedAt);
            // An agent clock ahead of the hub's would give a negative latency; it counts as none.
            Timer.builder(LATENCY).description("From the report's reportedAt to the commit of its batch")
                    .tag("kind", kind).publishPercentileHistogram()
                    .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    static String kindOfTopic(String topic) {
        return Topics.parse(topic).map(t -> switch (t.kind()) {
            case PROGRESS -> ReportKind.PROGRESS.name();
            case EXPENDITURE -> ReportKind.EXPENDITURE.name();
            case OUTCOMES -> ReportKind.UNKNOWN.name();
        }).orElse(ReportKind.UNKNOWN.name());
    }
}
