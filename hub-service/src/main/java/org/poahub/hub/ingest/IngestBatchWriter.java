package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.hub.consolidation.ReportEnrichment;
import org.poahub.hub.ingest.Figures.OperationSpendKey;
import org.poahub.hub.ingest.Figures.Progress;
import org.poahub.hub.ingest.Figures.ProgressKey;
import org.poahub.hub.ingest.Figures.RegionSpendKey;
import org.poahub.hub.ingest.Figures.SpendDelta;
import org.poahub.routes.ingest.DecodedReport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * The writes of a batch as JDBC batches: one round trip per table instead of one per report. Rows are written in
 * key order, so two hub instances writing the same rows lock them in the same order.
 *
 * <p>Inserts of a report or of a new progress row have no {@code on conflict} clause on purpose: a conflict means
 * another hub instance recorded the same report (or the same operation × region's first report) after this batch
 * read the database, and the duplicate-key error makes the store run the batch again on fresh reads.
 */
final class IngestBatchWriter {

    /** A report to insert, with the status its outcome gave it and, if accepted, its enrichment (else null). */
    record ReportRow(DecodedReport report, OutcomeStatus status, ReportEnrichment enrichment) {
    }

    private final JdbcTemplate jdbc;
    private final FindingsJson findings;

    IngestBatchWriter(JdbcTemplate jdbc, FindingsJson findings) {
        this.jdbc = jdbc;
        this.findings = findings;
    }

    void insertReports(List<ReportRow> rows) {
        batch("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, achieved_value, percent_complete, period_start, period_end, corrects_message_id,
                    object_code, funding_source, amount, spent_on, document_number, reverses_message_id,
                    reported_at, raw_payload, schema_id, topic, kafka_partition, kafka_offset,
                    plan_version, objective_code, action_code, action_weight, target_value, target_kind,
                    operation_start, operation_end, region_name, report_date, fiscal_month, fiscal_quarter,
                    achieved_percent, planned_percent, schedule_variance, budget_object_code, budget_funding_source,
                    budget_amount, cumulative_spend, execution_percent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sorted(rows, Comparator.comparing(r -> r.report().messageId())), (ps, row) -> {
                    DecodedReport report = row.report();
                    ProgressReport p = report.kind() == ReportKind.PROGRESS ? report.progress() : null;
                    ExpenditureReport e = report.kind() == ReportKind.EXPENDITURE ? report.expenditure() : null;
                    var source = report.source();
                    ps.setObject(1, report.messageId());
                    ps.setString(2, report.kind().name());
                    ps.setString(3, row.status().name());
                    ps.setString(4, report.regionCode());
                    ps.setString(5, report.agentId());
                    ps.setLong(6, report.sequence());
                    ps.setInt(7, p != null ? p.getFiscalYear() : e.getFiscalYear());
                    ps.setString(8, p != null ? p.getOperationCode() : e.getOperationCode());
                    ps.setBigDecimal(9, p != null ? p.getAchievedValue() : null);
                    ps.setBigDecimal(10, p != null ? p.getPercentComplete() : null);
                    setDate(ps, 11, p != null ? p.getPeriodStart() : null);
                    setDate(ps, 12, p != null ? p.getPeriodEnd() : null);
                    setUuid(ps, 13, p != null ? p.getCorrectsMessageId() : null);
                    ps.setString(14, e != null ? e.getObjectCode() : null);
                    ps.setString(15, e != null ? e.getFundingSource() : null);
                    ps.setBigDecimal(16, e != null ? e.getAmount() : null);
                    setDate(ps, 17, e != null ? e.getSpentOn() : null);
                    ps.setString(18, e != null ? e.getDocumentNumber() : null);
                    setUuid(ps, 19, e != null ? e.getReversesMessageId() : null);
                    ps.setTimestamp(20, Timestamp.from(p != null ? p.getReportedAt() : e.getReportedAt()));
                    ps.setBytes(21, source.value());
                    ps.setInt(22, report.schemaId());
                    ps.setString(23, source.topic());
                    ps.setInt(24, source.partition());
                    ps.setLong(25, source.offset());
                    setEnrichment(ps, 26, row.enrichment());
                });
    }

    void insertOutcomes(List<ReportOutcome> outcomes) {
        batch("""
                insert into report_outcome (message_id, region_code, kind, status, findings, processed_at)
                values (?, ?, ?, ?, ?::jsonb, ?)""",
                sorted(outcomes, Comparator.comparing(ReportOutcome::getMessageId)), (ps, o) -> {
                    ps.setObject(1, o.getMessageId());
                    ps.setString(2, o.getRegionCode());
                    ps.setString(3, o.getReportKind().name());
                    ps.setString(4, o.getStatus().name());
                    ps.setString(5, findings.write(o.getFindings()));
                    ps.setTimestamp(6, Timestamp.from(o.getProcessedAt()));
                });
    }

    /**
     * The 20 enrichment columns of a report row, from {@code first} on; all null when it has none. Nulls are typed
     * like the values so that every row of a JDBC batch binds the same types (one multi-row insert).
     */
    private static void setEnrichment(PreparedStatement ps, int first, ReportEnrichment e) throws SQLException {
        boolean none = e == null;
        setInteger(ps, first, none ? null : e.planVersion());
        ps.setString(first + 1, none ? null : e.objectiveCode());
        ps.setString(first + 2, none ? null : e.actionCode());
        setInteger(ps, first + 3, none ? null : e.actionWeight());
        ps.setBigDecimal(first + 4, none ? null : e.targetValue());
        ps.setString(first + 5, none ? null : e.targetKind());
        setDate(ps, first + 6, none ? null : e.operationStart());
        setDate(ps, first + 7, none ? null : e.operationEnd());
        ps.setString(first + 8, none ? null : e.regionName());
        setDate(ps, first + 9, none ? null : e.reportDate());
        setInteger(ps, first + 10, none ? null : e.fiscalMonth());
        setInteger(ps, first + 11, none ? null : e.fiscalQuarter());
        ps.setBigDecimal(first + 12, none ? null : e.achievedPercent());
        ps.setBigDecimal(first + 13, none ? null : e.plannedPercent());
        ps.setBigDecimal(first + 14, none ? null : e.scheduleVariance());
        ps.setString(first + 15, none ? null : e.budgetObjectCode());
        ps.setString(first + 16, none ? null : e.budgetFundingSource());
        ps.setBigDecimal(first + 17, none ? null : e.budgetAmount());
        ps.setBigDecimal(first + 18, none ? null : e.cumulativeSpend());
        ps.setBigDecimal(first + 19, none ? null : e.executionPercent());
    }

    /**
     * The figures the batch changed: rows read (and locked) by the batch are updated, rows first reported in the
     * batch are inserted.
     */
    void writeProgress(Map<ProgressKey, Progress> changedFigures) {
        List<Map.Entry<ProgressKey, Progress>> changed = changedFigures.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        batch("""
                update consolidated_progress set cumulative_value = ?, percent_complete = ?, last_period_end = ?,
                    last_message_id = ?, reports = ?
                where fiscal_year = ? and operation_code = ? and region_code = ?""",
                changed.stream().filter(e -> e.getValue().stored()).toList(), IngestBatchWriter::setProgress);
        batch("""
                insert into consolidated_progress (cumulative_value, percent_complete, last_period_end,
                    last_message_id, reports, fiscal_year, operation_code, region_code)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                changed.stream().filter(e -> !e.getValue().stored()).toList(), IngestBatchWriter::setProgress);
    }

    /** Spend only adds up, so these upserts are right whatever another hub instance added meanwhile. */
    void addSpend(Map<RegionSpendKey, SpendDelta> byRegion, Map<OperationSpendKey, BigDecimal> byOperation) {
        batch("""
                insert into consolidated_spend (fiscal_year, operation_code, region_code, object_group, funding_source,
                    spent, reports)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (fiscal_year, operation_code, region_code, object_group, funding_source)
                do update set spent = consolidated_spend.spent + excluded.spent,
                    reports = consolidated_spend.reports + excluded.reports""",
                byRegion.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList(), (ps, e) -> {
                    RegionSpendKey k = e.getKey();
                    ps.setInt(1, k.fiscalYear());
                    ps.setString(2, k.operationCode());
                    ps.setString(3, k.regionCode());
                    ps.setString(4, k.objectGroup());
                    ps.setString(5, k.fundingSource());
                    ps.setBigDecimal(6, e.getValue().spent());
                    ps.setInt(7, e.getValue().reports());
                });
        batch("""
                insert into operation_spend (fiscal_year, operation_code, object_code, funding_source, spent)
                values (?, ?, ?, ?, ?)
                on conflict (fiscal_year, operation_code, object_code, funding_source)
                do update set spent = operation_spend.spent + excluded.spent""",
                byOperation.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList(), (ps, e) -> {
                    OperationSpendKey k = e.getKey();
                    ps.setInt(1, k.fiscalYear());
                    ps.setString(2, k.operationCode());
                    ps.setString(3, k.objectCode());
                    ps.setString(4, k.fundingSource());
                    ps.setBigDecimal(5, e.getValue());
                });
    }

    /** Both progress statements take the figure's five values, then its key. */
    private static void setProgress(PreparedStatement ps, Map.Entry<ProgressKey, Progress> row) throws SQLException {
        Progress p = row.getValue();
        ps.setBigDecimal(1, p.cumulativeValue());
        ps.setBigDecimal(2, p.percentComplete());
        setDate(ps, 3, p.lastPeriodEnd());
        ps.setObject(4, p.lastMessageId());
        ps.setInt(5, p.reports());
        ps.setInt(6, row.getKey().fiscalYear());
        ps.setString(7, row.getKey().operationCode());
        ps.setString(8, row.getKey().regionCode());
    }

    private <T> void batch(String sql, Collection<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows, rows.size(), setter);
        }
    }

    private static <T> List<T> sorted(Collection<T> rows, Comparator<T> order) {
        return rows.stream().sorted(order).toList();
    }

    private static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setUuid(PreparedStatement ps, int index, UUID id) throws SQLException {
        if (id == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, id);
        }
    }
}
