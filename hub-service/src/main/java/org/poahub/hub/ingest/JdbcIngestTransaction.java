package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.hub.consolidation.ReportEnricher;
import org.poahub.hub.consolidation.ReportEnrichment;
import org.poahub.hub.ingest.Figures.OperationKey;
import org.poahub.hub.ingest.Figures.OperationSpendKey;
import org.poahub.hub.ingest.Figures.Progress;
import org.poahub.hub.ingest.Figures.ProgressKey;
import org.poahub.hub.ingest.Figures.RegionSpendKey;
import org.poahub.hub.ingest.Figures.SpendDelta;
import org.poahub.hub.ingest.Figures.SpendLine;
import org.poahub.hub.ingest.IngestBatchWriter.ReportRow;
import org.poahub.hub.review.LateData;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.routes.ingest.DecodedReport;
import org.poahub.routes.ingest.IngestStore;
import org.poahub.routes.ingest.Rejection;
import org.poahub.rules.PlannedBudgetLine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One batch's transaction. Reads come from the database once per key (for the whole batch when it is prefetched)
 * and are then kept in memory with the batch's own changes; the rules and the enricher read that view. Rows and
 * figures are written by {@link #flush()} at the end, one statement per table ({@link IngestBatchWriter}; an accepted
 * report's enrichment is written on its report row). The review periods the batch's reports fall in are read and
 * locked with the prefetch ({@link LateData}): a report accepted into an approved period is late data, warned about
 * in its outcome (rule {@code PERIOD_ALREADY_APPROVED}) and reopens the period in the same transaction.
 */
class JdbcIngestTransaction implements IngestStore.Transaction {

    private final JdbcClient jdbc;
    private final IngestBatchWriter writer;
    private final ReportEnricher enricher;

    private final BatchCache<UUID, ReportOutcome> outcomes;
    private final BatchCache<UUID, RecordedReport> acceptedReports;
    private final BatchCache<ProgressKey, Progress> progress;
    private final BatchCache<OperationKey, Map<SpendLine, BigDecimal>> operationSpend;

    private final Map<ProgressKey, Progress> changedProgress = new HashMap<>();
    private final Map<RegionSpendKey, SpendDelta> regionSpendAdded = new HashMap<>();
    private final Map<OperationSpendKey, BigDecimal> operationSpendAdded = new HashMap<>();
    private final List<ReportRow> reportRows = new ArrayList<>();
    private final List<ReportOutcome> outcomeRows = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final AgentSequences sequences = new AgentSequences();
    private final ReportCounts reportCounts = new ReportCounts();
    private final MonthlyFigures monthly = new MonthlyFigures();
    private final LateData lateData;

    JdbcIngestTransaction(JdbcClient jdbc, IngestBatchReader reader, IngestBatchWriter writer,
                          ReportEnricher enricher, LateData lateData) {
        this.jdbc = jdbc;
        this.lateData = lateData;
        this.writer = writer;
        this.enricher = enricher;
        this.outcomes = new BatchCache<>(reader::outcomes);
        this.acceptedReports = new BatchCache<>(reader::acceptedReports);
        this.progress = new BatchCache<>(reader::progressForUpdate);
        this.operationSpend = new BatchCache<>(reader::operationSpend);
    }

    @Override
    public void prefetch(List<DecodedReport> reports) {
        outcomes.load(reports.stream().map(DecodedReport::messageId).toList());
        acceptedReports.load(reports.stream().map(JdbcIngestTransaction::referencedReport)
                .filter(Objects::nonNull).toList());
        progress.load(reports.stream().filter(r -> r.kind() == ReportKind.PROGRESS)
                .map(r -> progressKey(r.progress())).toList());
        operationSpend.load(reports.stream().filter(r -> r.kind() == ReportKind.EXPENDITURE)
                .map(r -> operationKey(r.expenditure())).toList());
        lateData.lock(reports.stream().map(r -> new LateData.RegionDay(r.regionCode(), r.reportDate())).toList());
    }

    // ---- ReportHistory -------------------------------------------------------------------------------------

    @Override
    public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
        return progress.get(new ProgressKey(fiscalYear, operationCode, regionCode)).map(Progress::cumulativeValue);
    }

    @Override
    public Optional<RecordedReport> findReport(UUID messageId) {
        return acceptedReports.get(messageId);
    }

    @Override
    public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        return operationSpend.get(new OperationKey(fiscalYear, operationCode)).orElse(Map.of()).entrySet().stream()
                .filter(e -> line.covers(e.getKey().objectCode(), e.getKey().fundingSource()))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public Optional<String> approvedPeriod(String regionCode, LocalDate reportDate) {
        return lateData.approvedPeriod(regionCode, reportDate);
    }

    // ---- outcomes and reports ------------------------------------------------------------------------------

    @Override
    public Optional<ReportOutcome> storedOutcome(UUID messageId) {
        return outcomes.get(messageId);
    }

    @Override
    public void record(DecodedReport report, ReportOutcome outcome) {
        outcomeRows.add(outcome);
        outcomes.put(report.messageId(), outcome);
        sequences.add(report.agentId(), report.regionCode(), report.messageId(), report.sequence(), report.reportedAt());
        ReportEnrichment enrichment = null;
        if (outcome.getStatus() != OutcomeStatus.REJECTED) {
            enrichment = accept(report);
            lateData.accepted(report.messageId(), report.regionCode(), report.reportDate());
        }
        if (enrichment != null) {
            addToMonth(report, enrichment.fiscalMonth());
        }
        reportCounts.add(report.fiscalYear(), report.regionCode(), outcome.getStatus());
        reportRows.add(new ReportRow(report, outcome.getStatus(), enrichment));
    }

    /** Adds an accepted report to the figures and to what later reports may refer to; returns its enrichment. */
    private ReportEnrichment accept(DecodedReport report) {
        Optional<ReportEnrichment> enrichment = switch (report.kind()) {
            case PROGRESS -> {
                consolidateProgress(report.progress());
                acceptedReports.put(report.messageId(),
                        new RecordedReport(report.messageId(), report.regionCode(), ReportKind.PROGRESS, null));
                yield enricher.enrich(report.progress());
            }
            case EXPENDITURE -> {
                ExpenditureReport e = report.expenditure();
                consolidateSpend(e);
                acceptedReports.put(report.messageId(),
                        new RecordedReport(report.messageId(), report.regionCode(), ReportKind.EXPENDITURE,
                                e.getAmount()));
                // the running total already includes this report, so the line's cumulative spend does too
                yield enricher.enrich(e, line -> cumulativeSpend(e.getFiscalYear(), e.getOperationCode(), line));
            }
            case UNKNOWN -> throw new IllegalStateException("A decoded report always has a kind");
        };
        return enrichment.orElse(null);
    }

    /** An enriched report (its plan known) counts in the month of its date, as the S-curve shows it. */
    private void addToMonth(DecodedReport report, int fiscalMonth) {
        switch (report.kind()) {
            case PROGRESS -> monthly.add(report.progress(), fiscalMonth);
            case EXPENDITURE -> monthly.add(report.expenditure(), fiscalMonth);
            case UNKNOWN -> throw new IllegalStateException("A decoded report always has a kind");
        }
    }

    private void consolidateProgress(ProgressReport r) {
        ProgressKey key = progressKey(r);
        Optional<Progress> current = progress.get(key);
        Progress figure;
        if (current.isEmpty()) {
            figure = Progress.first(r.getAchievedValue(), r.getPercentComplete(), r.getPeriodEnd(), r.getMessageId());
            progress.put(key, figure);
        } else {
            figure = current.get();
            figure.add(r.getAchievedValue(), r.getPercentComplete(), r.getPeriodEnd(), r.getMessageId(),
                    r.getCorrectsMessageId());
        }
        changedProgress.put(key, figure);
    }

    /**
     * Spend adds up per operation × region × object-of-expenditure group ({@link ObjectOfExpenditureClassifier#groupCodeOf}; validation refused any other code) and
     * funding column, and nationally per operation × object code × funding column (what budget lines are checked
     * against).
     */
    private void consolidateSpend(ExpenditureReport r) {
        BigDecimal amount = r.getAmount();
        regionSpendAdded.merge(new RegionSpendKey(r.getFiscalYear(), r.getOperationCode(), r.getRegionCode(),
                        ObjectOfExpenditureClassifier.groupCodeOf(r.getObjectCode()), r.getFundingSource()),
                SpendDelta.NONE.plus(amount), (a, b) -> a.plus(amount));
        operationSpendAdded.merge(new OperationSpendKey(r.getFiscalYear(), r.getOperationCode(), r.getObjectCode(),
                r.getFundingSource()), amount, BigDecimal::add);
        OperationKey operation = operationKey(r);
        Map<SpendLine, BigDecimal> spend = operationSpend.get(operation).orElseGet(() -> {
            Map<SpendLine, BigDecimal> none = new HashMap<>();
            operationSpend.put(operation, none);
            return none;
        });
        spend.merge(new SpendLine(r.getObjectCode(), r.getFundingSource()), amount, BigDecimal::add);
    }

    /** Kept with the batch's other rows and written by {@link #flush()}, in the same transaction. */
    @Override
    public void recordRejection(Rejection r) {
        rejections.add(r);
    }

    /**
     * Writes what the batch recorded; in the transaction, before it commits. Returns the approved periods its late
     * reports reopened.
     */
    List<LateData.Reopened> flush() {
        writer.insertReports(reportRows);
        writer.insertOutcomes(outcomeRows);
        writer.insertRejections(rejections);
        writer.writeProgress(changedProgress);
        writer.addSpend(regionSpendAdded, operationSpendAdded);
        writer.addMonthly(monthly);
        writer.addReportCounts(reportCounts);
        writer.writeAgentSync(sequences);
        return lateData.flush();
    }

    private static ProgressKey progressKey(ProgressReport r) {
        return new ProgressKey(r.getFiscalYear(), r.getOperationCode(), r.getRegionCode());
    }

    private static OperationKey operationKey(ExpenditureReport r) {
        return new OperationKey(r.getFiscalYear(), r.getOperationCode());
    }

    private static UUID referencedReport(DecodedReport r) {
        return r.kind() == ReportKind.PROGRESS ? r.progress().getCorrectsMessageId()
                : r.expenditure().getReversesMessageId();
    }
}
