package org.poahub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.routes.ingest.IncomingRecord;
import org.poahub.routes.ingest.IngestBatchResult;
import org.poahub.routes.ingest.IngestRejectionCodes;
import org.poahub.routes.ingest.OutcomeMessage;
import org.poahub.routes.ingest.Rejection;

class IngestMetricsTest {

    private static final Instant COMMITTED = Instant.parse("2020-04-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);

    @Test
    void countsReportsByKindAndStatusRejectionsByReasonAndWarningsByRule() {
        metrics.batchCommitted(new IngestBatchResult(List.of(
                outcome(ReportKind.PROGRESS, OutcomeStatus.ACCEPTED, COMMITTED.minusSeconds(3), false),
                outcome(ReportKind.PROGRESS, OutcomeStatus.ACCEPTED_WITH_WARNINGS, COMMITTED.minusSeconds(5), false,
                        finding("DATE_OUTSIDE_OPERATION", Severity.WARNING)),
                outcome(ReportKind.EXPENDITURE, OutcomeStatus.REJECTED, COMMITTED.minusSeconds(60), false,
                        finding("OBJECT_NOT_BUDGETED", Severity.WARNING), finding("AMOUNT_NOT_POSITIVE", Severity.ERROR),
                        finding("OPERATION_UNKNOWN", Severity.ERROR))),
                List.of(undecodable("poa.bo-l.expenditure"))).committedAt(COMMITTED));

        assertThat(count(IngestMetrics.REPORTS, "kind", "PROGRESS", "status", "ACCEPTED")).isEqualTo(1);
        assertThat(count(IngestMetrics.REPORTS, "kind", "PROGRESS", "status", "ACCEPTED_WITH_WARNINGS")).isEqualTo(1);
        assertThat(count(IngestMetrics.REPORTS, "kind", "EXPENDITURE", "status", "REJECTED")).isEqualTo(2);
        assertThat(count(IngestMetrics.REJECTIONS, "kind", "EXPENDITURE", "code", "AMOUNT_NOT_POSITIVE")).isEqualTo(1);
        assertThat(registry.find(IngestMetrics.REJECTIONS).tag("code", "OPERATION_UNKNOWN").counter())
                .as("only the first error is the reason").isNull();
        assertThat(count(IngestMetrics.REJECTIONS, "kind", "EXPENDITURE", "code", IngestRejectionCodes.UNDECODABLE)).isEqualTo(1);
        assertThat(count(IngestMetrics.WARNINGS, "kind", "PROGRESS", "code", "DATE_OUTSIDE_OPERATION")).isEqualTo(1);
        assertThat(count(IngestMetrics.WARNINGS, "kind", "EXPENDITURE", "code", "OBJECT_NOT_BUDGETED")).isEqualTo(1);
        assertThat(registry.get(IngestMetrics.BATCH_SIZE).summary().totalAmount()).isEqualTo(4);
    }

    @Test
    void latencyRunsFromReportedAtToTheCommitAndDuplicatesAreCountedApart() {
        metrics.batchCommitted(new IngestBatchResult(List.of(
                outcome(ReportKind.PROGRESS, OutcomeStatus.ACCEPTED, COMMITTED.minusSeconds(90), false),
                outcome(ReportKind.PROGRESS, OutcomeStatus.ACCEPTED, COMMITTED.minusSeconds(3600), true),
                outcome(ReportKind.PROGRESS, OutcomeStatus.ACCEPTED, COMMITTED.plusSeconds(30), false)),
                List.of()).committedAt(COMMITTED));

        var latency = registry.get(IngestMetrics.LATENCY).tag("kind", "PROGRESS").timer();
        assertThat(latency.count()).as("the duplicate is not measured again").isEqualTo(2);
        assertThat(latency.max(TimeUnit.SECONDS)).isEqualTo(90);
        assertThat(latency.totalTime(TimeUnit.SECONDS)).as("an agent clock ahead counts as no latency").isEqualTo(90);
        assertThat(count(IngestMetrics.DUPLICATES, "kind", "PROGRESS")).isEqualTo(1);
        assertThat(count(IngestMetrics.REPORTS, "kind", "PROGRESS", "status", "ACCEPTED")).isEqualTo(2);
    }

    @Test
    void theKindOfAnUndecodableRecordComesFromItsTopic() {
        assertThat(IngestMetrics.kindOfTopic("poa.bo-s.progress")).isEqualTo("PROGRESS");
        assertThat(IngestMetrics.kindOfTopic("poa.bo-s.expenditure")).isEqualTo("EXPENDITURE");
        assertThat(IngestMetrics.kindOfTopic("elsewhere")).isEqualTo("UNKNOWN");
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private static OutcomeMessage outcome(ReportKind kind, OutcomeStatus status, Instant reportedAt, boolean redelivered,
                                          Finding... findings) {
        return new OutcomeMessage("poa.bo-l.outcomes", ReportOutcome.newBuilder().setMessageId(UUID.randomUUID())
                .setRegionCode("BO-L").setReportKind(kind).setStatus(status).setFindings(List.of(findings))
                .setProcessedAt(COMMITTED).build(), reportedAt, redelivered);
    }

    private static Finding finding(String code, Severity severity) {
        return new Finding(code, severity, null, "mensaje");
    }

    private static Rejection undecodable(String topic) {
        return new Rejection(new IncomingRecord(topic, 0, 1, new byte[] {1}), null, "BO-L", null,
                IngestRejectionCodes.UNDECODABLE, null, "El contenido del mensaje no se puede leer", "ingest-reports",
                COMMITTED);
    }
}
