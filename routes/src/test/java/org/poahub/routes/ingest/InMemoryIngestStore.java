package org.poahub.routes.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.rules.PlannedBudgetLine;

/** A store in memory for the unit tests of the batch logic (no transactions: nothing here fails half-way). */
final class InMemoryIngestStore implements IngestStore, IngestStore.Transaction {

    final Map<UUID, DecodedReport> reports = new LinkedHashMap<>();
    final Map<UUID, ReportOutcome> outcomes = new LinkedHashMap<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return work.apply(this);
    }

    @Override
    public Optional<ReportOutcome> storedOutcome(UUID messageId) {
        return Optional.ofNullable(outcomes.get(messageId));
    }

    @Override
    public void record(DecodedReport report, ReportOutcome outcome) {
        if (reports.putIfAbsent(report.messageId(), report) != null) {
            throw new IllegalStateException("Recorded twice: " + report.messageId());
        }
        outcomes.put(report.messageId(), outcome);
    }

    @Override
    public void recordRejection(Rejection rejection) {
        rejections.add(rejection);
    }

    @Override
    public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
        return Optional.empty();
    }

    @Override
    public Optional<RecordedReport> findReport(UUID messageId) {
        return Optional.ofNullable(reports.get(messageId))
                .filter(r -> outcomes.get(messageId).getStatus() != OutcomeStatus.REJECTED)
                .map(r -> new RecordedReport(messageId, r.regionCode(), r.kind(),
                        r.kind() == ReportKind.EXPENDITURE ? r.expenditure().getAmount() : null));
    }

    @Override
    public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        return BigDecimal.ZERO;
    }
}
