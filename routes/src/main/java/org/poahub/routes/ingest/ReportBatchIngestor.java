package org.poahub.routes.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.rules.Finding;
import org.poahub.rules.PlanView;
import org.poahub.rules.ReportValidator;
import org.poahub.rules.RuleSettings;
import org.poahub.rules.ValidationResult;

/**
 * Decodes, validates and persists one batch of records in one transaction and says what to publish afterwards.
 *
 * <p>A message id already recorded changes nothing and gets its stored outcome again (and, if it was rejected, its
 * dead letter again): outcomes and dead letters are sent at least once, the tables change exactly once.
 */
public class ReportBatchIngestor {

    private final ReportDecoder decoder;
    private final IngestStore store;
    private final PlanView plan;
    private final RuleSettings settings;
    private final Clock clock;

    public ReportBatchIngestor(ReportDecoder decoder, IngestStore store, PlanView plan, RuleSettings settings,
                               Clock clock) {
        this.decoder = decoder;
        this.store = store;
        this.plan = plan;
        this.settings = settings;
        this.clock = clock;
    }

    public IngestBatchResult ingest(List<IncomingRecord> records) {
        // Decoding needs the registry, not the database: done first, so a registry outage fails before the transaction.
        List<ReportDecoder.Decoded> decoded = records.stream().map(decoder::decode).toList();
        IngestBatchResult result = store.inTransaction(tx -> {
            ReportValidator validator = new ReportValidator(plan, tx, settings);
            tx.prefetch(decoded.stream().map(ReportDecoder.Decoded::report).filter(Objects::nonNull).toList());
            List<OutcomeMessage> outcomes = new ArrayList<>();
            List<Rejection> deadLetters = new ArrayList<>();
            for (ReportDecoder.Decoded item : decoded) {
                if (item.rejection() != null) {
                    tx.recordRejection(item.rejection());
                    deadLetters.add(item.rejection());
                    continue;
                }
                DecodedReport report = item.report();
                Optional<ReportOutcome> earlier = tx.storedOutcome(report.messageId());
                boolean redelivered = earlier.isPresent();
                ReportOutcome outcome;
                if (redelivered) {
                    outcome = earlier.get();
                } else {
                    outcome = outcomeOf(report, validate(validator, report));
                    tx.record(report, outcome);
                    if (outcome.getStatus() == OutcomeStatus.REJECTED) {
                        tx.recordRejection(rejectionOf(report, outcome));
                    }
                }
                outcomes.add(new OutcomeMessage(Topics.outcomes(report.topicRegion()), outcome, report.reportedAt(),
                        redelivered));
                if (outcome.getStatus() == OutcomeStatus.REJECTED) {
                    deadLetters.add(rejectionOf(report, outcome));
                }
            }
            return new IngestBatchResult(outcomes, deadLetters);
        });
        return result.committedAt(clock.instant());
    }

    private static ValidationResult validate(ReportValidator validator, DecodedReport report) {
        return switch (report.kind()) {
            case PROGRESS -> validator.validate(report.progress(), report.topicRegion());
            case EXPENDITURE -> validator.validate(report.expenditure(), report.topicRegion());
            case UNKNOWN -> throw new IllegalStateException("A decoded report always has a kind");
        };
    }

    private ReportOutcome outcomeOf(DecodedReport report, ValidationResult result) {
        return ReportOutcome.newBuilder()
                .setMessageId(report.messageId())
                .setRegionCode(report.regionCode())
                .setReportKind(report.kind())
                .setStatus(result.status())
                .setFindings(result.findings().stream().map(Finding::toContract).toList())
                .setProcessedAt(clock.instant())
                .build();
    }

    /** The first error of a rejected outcome is the reason kept with the dead letter; all are in the outcome. */
    private Rejection rejectionOf(DecodedReport report, ReportOutcome outcome) {
        org.poahub.contract.Finding reason = outcome.getFindings().stream()
                .filter(f -> f.getSeverity() == org.poahub.contract.Severity.ERROR).findFirst()
                .orElseThrow(() -> new IllegalStateException("A rejected outcome has an error finding"));
        return new Rejection(report.source(), report.messageId(), report.regionCode(), report.schemaId(),
                reason.getCode(), reason.getField(), reason.getMessage(), ReportIngestRoute.ROUTE_ID,
                outcome.getProcessedAt());
    }
}
