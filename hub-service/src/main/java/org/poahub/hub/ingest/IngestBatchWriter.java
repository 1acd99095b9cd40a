package org.poahub.hub.ingest;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportOutcome;
import org.poahub.hub.consolidation.ReportEnrichment;
import org.poahub.hub.ingest.Figures.OperationSpendKey;
import org.poahub.hub.ingest.Figures.Progress;
import org.poahub.hub.ingest.Figures.ProgressKey;
import org.poahub.hub.ingest.Figures.RegionSpendKey;
import org.poahub.hub.ingest.Figures.SpendDelta;
import org.poahub.routes.ingest.DecodedReport;
import org.poahub.routes.ingest.Rejection;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * The writes of a batch, one statement per table instead of one per report: a binary COPY for reports and outcomes,
 * JDBC batches for the figures. Rows are written in key order, so two hub instances writing the same rows lock them
 * in the same order.
 *
 * <p>The report COPY, and the insert of a new progress row, cannot skip a conflicting row, on purpose: a conflict means
 * another hub instance recorded the same report (or the same operation × region's first report) after this batch
 * read the database, and the duplicate-key error makes the store run the batch again on fresh reads.
 */
final class IngestBatchWriter {

    /** A report to insert, with the status its outcome gave it and, if accepted, its enrichment (else null). */
    record ReportRow(DecodedReport report, OutcomeStatus status, ReportEnrichment enrichment) {
    }

    private final JdbcTemplate jdbc;
    private final PgBulkInsert<ReportRow> reportCopy = new PgBulkInsert<>(new ReportCopyMapping());
    private final PgBulkInsert<ReportOutcome> outcomeCopy;
    private final PgBulkInsert<AgentSequences.Received> sequenceCopy = new PgBulkInsert<>(new SequenceCopyMapping());

    IngestBatchWriter(JdbcTemplate jdbc, FindingsJson findings) {
        this.jdbc = jdbc;
        this.outcomeCopy = new PgBulkInsert<>(new OutcomeCopyMapping(findings));
    }

    void insertReports(List<ReportRow> rows) {
        copy(reportCopy, sorted(rows, Comparator.comparing(r -> r.report().messageId())));
    }

    void insertOutcomes(List<ReportOutcome> outcomes) {
        copy(outcomeCopy, sorted(outcomes, Comparator.comparing(ReportOutcome::getMessageId)));
    }

    /** The batch's dead letters, kept with their reasons; one already kept (a record delivered again) stays as it was. */
    void insertRejections(List<Rejection> rejections) {
        batch("""
                insert into rejected_report (message_id, region_code, raw_payload, schema_id, code, field, message,
                    route, rejected_at, topic, kafka_partition, kafka_offset, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", rejections, (ps, r) -> {
                    ps.setObject(1, r.messageId());
                    ps.setString(2, r.regionCode());
                    ps.setBytes(3, r.source().value());
                    ps.setObject(4, r.schemaId(), Types.INTEGER);
                    ps.setString(5, r.code());
                    ps.setString(6, r.field());
                    ps.setString(7, r.message());
                    ps.setString(8, r.route());
                    ps.setTimestamp(9, Timestamp.from(r.rejectedAt()));
                    ps.setString(10, r.source().topic());
                    ps.setInt(11, r.source().partition());
                    ps.setLong(12, r.source().offset());
                    ps.setString(13, r.detail());
                });
    }

    /**
     * A binary COPY of the rows on the transaction's connection. Most of a batch's write cost was pgjdbc encoding the
     * parameters of multi-row inserts (45 per report) and PostgreSQL parsing them; COPY sends the values in their
     * binary form. An error of the COPY (a duplicate key among them) is translated like any other statement's.
     */
    private <T> void copy(PgBulkInsert<T> bulk, List<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            copy(connection, bulk, rows);
            return null;
        });
    }

    /** The COPY on {@code connection}, failing with its SQL error. */
    private static <T> void copy(Connection connection, PgBulkInsert<T> bulk, List<T> rows) throws SQLException {
        try {
            bulk.saveAll(connection.unwrap(PGConnection.class), rows);
        } catch (RuntimeException e) {
            throw sqlCause(e).orElseThrow(() -> e);
        }
    }

    /** The library wraps a failed COPY's SQL error in its own unchecked exceptions. */
    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
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

    /**
     * The month-by-month figures of the S-curve (V26): spend adds up; a month's progress keeps the report with the
     * newest period end, the later one on a tie (this batch's, as it commits after what it finds), and counts them all.
     */
    void addMonthly(MonthlyFigures monthly) {
        batch("""
                insert into monthly_progress (fiscal_year, fiscal_month, operation_code, region_code, achieved_value,
                    percent_complete, period_end, reports)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (fiscal_year, fiscal_month, operation_code, region_code) do update set
                    achieved_value = case when excluded.period_end >= monthly_progress.period_end
                        then excluded.achieved_value else monthly_progress.achieved_value end,
                    percent_complete = case when excluded.period_end >= monthly_progress.period_end
                        then excluded.percent_complete else monthly_progress.percent_complete end,
                    period_end = greatest(excluded.period_end, monthly_progress.period_end),
                    reports = monthly_progress.reports + excluded.reports""",
                monthly.progress().entrySet(), (ps, e) -> {
                    MonthlyFigures.ProgressMonthKey k = e.getKey();
                    ps.setInt(1, k.fiscalYear());
                    ps.setInt(2, k.fiscalMonth());
                    ps.setString(3, k.operationCode());
                    ps.setString(4, k.regionCode());
                    ps.setBigDecimal(5, e.getValue().achievedValue());
                    ps.setBigDecimal(6, e.getValue().percentComplete());
                    ps.setObject(7, e.getValue().periodEnd());
                    ps.setInt(8, e.getValue().reports());
                });
        batch("""
                insert into monthly_spend (fiscal_year, fiscal_month, operation_code, region_code, object_code,
                    funding_source, spent, reports)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source)
                do update set spent = monthly_spend.spent + excluded.spent,
                    reports = monthly_spend.reports + excluded.reports""",
                monthly.spend().entrySet(), (ps, e) -> {
                    MonthlyFigures.SpendMonthKey k = e.getKey();
                    ps.setInt(1, k.fiscalYear());
                    ps.setInt(2, k.fiscalMonth());
                    ps.setString(3, k.operationCode());
                    ps.setString(4, k.regionCode());
                    ps.setString(5, k.objectCode());
                    ps.setString(6, k.fundingSource());
                    ps.setBigDecimal(7, e.getValue().spent());
                    ps.setInt(8, e.getValue().reports());
                });
    }

    /** Reports per fiscal year × region × status (V26): counts only add up. */
    void addReportCounts(ReportCounts counts) {
        batch("""
                insert into report_count (fiscal_year, region_code, status, reports) values (?, ?, ?, ?)
                on conflict (fiscal_year, region_code, status)
                do update set reports = report_count.reports + excluded.reports""",
                counts.counts().entrySet(), (ps, e) -> {
                    ps.setInt(1, e.getKey().fiscalYear());
                    ps.setString(2, e.getKey().regionCode());
                    ps.setString(3, e.getKey().status());
                    ps.setLong(4, e.getValue());
                });
    }

    /**
     * The batch's agent sequence numbers and each agent's state. Neither write reads first: a number received before
     * is skipped by its key (and not counted in {@code received_sequences}), and the highest number only grows, so two
     * consumers or two hub instances give the same result whatever order they commit in.
     */
    void writeAgentSync(AgentSequences sequences) {
        Map<String, Long> newlyReceived = recordNumbers(sequences.received());
        batch("""
                insert into agent_sync_state (agent_id, region_code, last_message_id, last_reported_at,
                    last_received_at, highest_sequence, received_sequences)
                values (?, ?, ?, ?, now(), ?, ?)
                on conflict (agent_id) do update set region_code = excluded.region_code,
                    last_message_id = excluded.last_message_id, last_reported_at = excluded.last_reported_at,
                    last_received_at = excluded.last_received_at,
                    highest_sequence = greatest(agent_sync_state.highest_sequence, excluded.highest_sequence),
                    received_sequences = agent_sync_state.received_sequences + excluded.received_sequences""",
                sequences.states(), (ps, agent) -> {
                    ps.setString(1, agent.agentId());
                    ps.setString(2, agent.regionCode());
                    ps.setObject(3, agent.lastMessageId());
                    ps.setTimestamp(4, Timestamp.from(agent.lastReportedAt()));
                    ps.setLong(5, agent.highest());
                    ps.setLong(6, newlyReceived.getOrDefault(agent.agentId(), 0L));
                });
    }

    /**
     * One {@code agent_sequence} row per number, by binary COPY, and how many numbers each agent sent for the first
     * time. A number is nearly always new: a third of the rows a drain writes are these, and an insert that looks for
     * conflicts cost PostgreSQL several times a COPY (docs/benchmarks.md, "Ingest"). A number received before (an
     * agent whose database was restored numbers again from 1) makes the COPY fail on its key; the COPY runs in a
     * savepoint, so then only it is undone, and the numbers go through the insert that skips the known ones.
     */
    private Map<String, Long> recordNumbers(List<AgentSequences.Received> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.execute((ConnectionCallback<Map<String, Long>>) connection -> {
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                copy(connection, sequenceCopy, numbers);
            } catch (SQLException e) {
                if (!PSQLState.UNIQUE_VIOLATION.getState().equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeCopy);
                return insertNewNumbers(numbers);
            }
            connection.releaseSavepoint(beforeCopy);
            return numbers.stream().collect(Collectors.groupingBy(AgentSequences.Received::agentId,
                    Collectors.counting()));
        });
    }

    private Map<String, Long> insertNewNumbers(List<AgentSequences.Received> numbers) {
        Map<String, Long> newlyReceived = new HashMap<>();
        jdbc.query("""
                with inserted as (
                    insert into agent_sequence (agent_id, sequence)
                    select * from unnest(?::text[], ?::bigint[])
                    on conflict do nothing
                    returning agent_id)
                select agent_id, count(*) from inserted group by agent_id""",
                rs -> {
                    newlyReceived.put(rs.getString(1), rs.getLong(2));
                },
                numbers.stream().map(AgentSequences.Received::agentId).toArray(String[]::new),
                numbers.stream().map(AgentSequences.Received::sequence).toArray(Long[]::new));
        return newlyReceived;
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
}
