package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.hub.consolidation.ReportEnrichment;
import org.poahub.hub.consolidation.ReportEnricher;
import org.poahub.routes.ingest.DecodedReport;
import org.poahub.routes.ingest.IngestStore;
import org.poahub.routes.ingest.Rejection;
import org.poahub.rules.PlannedBudgetLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The reads and writes of one batch, all on the connection of the batch's transaction. */
class JdbcIngestTransaction implements IngestStore.Transaction {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReportEnricher enricher;
    private final Map<String, AgentBatch> batchSequences = new LinkedHashMap<>();

    JdbcIngestTransaction(JdbcClient jdbc, JsonMapper json, ReportEnricher enricher) {
        this.jdbc = jdbc;
        this.json = json;
        this.enricher = enricher;
    }

    // ---- ReportHistory -------------------------------------------------------------------------------------

    @Override
    public Optional<BigDecimal> previousCumulativeProgress(String regionCode, int fiscalYear, String operationCode) {
        return jdbc.sql("""
                select cumulative_value from consolidated_progress
                where fiscal_year = ? and operation_code = ? and region_code = ?""")
                .params(fiscalYear, operationCode, regionCode).query(BigDecimal.class).optional();
    }

    @Override
    public Optional<RecordedReport> findReport(UUID messageId) {
        return jdbc.sql("select message_id, region_code, kind, amount from report where message_id = ? and status <> 'REJECTED'")
                .param(messageId)
                .query((rs, n) -> new RecordedReport(rs.getObject(1, UUID.class), rs.getString(2),
                        ReportKind.valueOf(rs.getString(3)), rs.getBigDecimal(4)))
                .optional();
    }

    @Override
    public BigDecimal cumulativeSpend(int fiscalYear, String operationCode, PlannedBudgetLine line) {
        return jdbc.sql("""
                select object_code, funding_source, spent from operation_spend
                where fiscal_year = ? and operation_code = ?""")
                .params(fiscalYear, operationCode)
                .query((rs, n) -> line.covers(rs.getString(1), rs.getString(2)) ? rs.getBigDecimal(3) : BigDecimal.ZERO)
                .list().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- outcomes and reports ------------------------------------------------------------------------------

    @Override
    public Optional<ReportOutcome> storedOutcome(UUID messageId) {
        return jdbc.sql("select region_code, kind, status, findings::text, processed_at from report_outcome where message_id = ?")
                .param(messageId)
                .query((rs, n) -> ReportOutcome.newBuilder()
                        .setMessageId(messageId)
                        .setRegionCode(rs.getString(1))
                        .setReportKind(ReportKind.valueOf(rs.getString(2)))
                        .setStatus(OutcomeStatus.valueOf(rs.getString(3)))
                        .setFindings(readFindings(rs.getString(4)))
                        .setProcessedAt(rs.getTimestamp(5).toInstant())
                        .build())
                .optional();
    }

    @Override
    public boolean record(DecodedReport report, ReportOutcome outcome) {
        if (!insertReport(report, outcome.getStatus())) {
            return false;
        }
        jdbc.sql("""
                insert into report_outcome (message_id, region_code, kind, status, findings, processed_at)
                values (?, ?, ?, ?, ?::jsonb, ?)""")
                .params(outcome.getMessageId(), outcome.getRegionCode(), outcome.getReportKind().name(),
                        outcome.getStatus().name(), writeFindings(outcome.getFindings()),
                        Timestamp.from(outcome.getProcessedAt()))
                .update();
        trackSequence(report);
        if (outcome.getStatus() != OutcomeStatus.REJECTED) {
            Optional<ReportEnrichment> enrichment = switch (report.kind()) {
                case PROGRESS -> {
                    consolidateProgress(report.progress());
                    yield enricher.enrich(report.progress());
                }
                case EXPENDITURE -> {
                    ExpenditureReport e = report.expenditure();
                    consolidateSpend(e);
                    // the running total is already updated, so the line's cumulative spend includes this report
                    yield enricher.enrich(e, line -> cumulativeSpend(e.getFiscalYear(), e.getOperationCode(), line));
                }
                case UNKNOWN -> throw new IllegalStateException("A decoded report always has a kind");
            };
            enrichment.ifPresent(en -> insertEnrichment(report.messageId(), en));
        }
        return true;
    }

    private void insertEnrichment(UUID messageId, ReportEnrichment e) {
        jdbc.sql("""
                insert into report_enrichment (message_id, plan_version, objective_code, action_code, action_weight,
                    target_value, target_kind, operation_start, operation_end, region_name, report_date, fiscal_month,
                    fiscal_quarter, achieved_percent, planned_percent, schedule_variance, budget_object_code,
                    budget_funding_source, budget_amount, cumulative_spend, execution_percent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(messageId, e.planVersion(), e.objectiveCode(), e.actionCode(), e.actionWeight(),
                        e.targetValue(), e.targetKind(), e.operationStart(), e.operationEnd(), e.regionName(),
                        e.reportDate(), e.fiscalMonth(), e.fiscalQuarter(), e.achievedPercent(), e.plannedPercent(),
                        e.scheduleVariance(), e.budgetObjectCode(), e.budgetFundingSource(), e.budgetAmount(),
                        e.cumulativeSpend(), e.executionPercent())
                .update();
    }

    private boolean insertReport(DecodedReport report, OutcomeStatus status) {
        var source = report.source();
        ProgressReport p = report.kind() == ReportKind.PROGRESS ? report.progress() : null;
        ExpenditureReport e = report.kind() == ReportKind.EXPENDITURE ? report.expenditure() : null;
        Instant reportedAt = p != null ? p.getReportedAt() : e.getReportedAt();
        return jdbc.sql("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, achieved_value, percent_complete, period_start, period_end, corrects_message_id,
                    object_code, funding_source, amount, spent_on, document_number, reverses_message_id,
                    reported_at, raw_payload, schema_id, topic, kafka_partition, kafka_offset)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (message_id) do nothing""")
                .params(report.messageId(), report.kind().name(), status.name(), report.regionCode(),
                        report.agentId(), report.sequence(),
                        p != null ? p.getFiscalYear() : e.getFiscalYear(),
                        p != null ? p.getOperationCode() : e.getOperationCode(),
                        p != null ? p.getAchievedValue() : null,
                        p != null ? p.getPercentComplete() : null,
                        p != null ? p.getPeriodStart() : null,
                        p != null ? p.getPeriodEnd() : null,
                        p != null ? p.getCorrectsMessageId() : null,
                        e != null ? e.getObjectCode() : null,
                        e != null ? e.getFundingSource() : null,
                        e != null ? e.getAmount() : null,
                        e != null ? e.getSpentOn() : null,
                        e != null ? e.getDocumentNumber() : null,
                        e != null ? e.getReversesMessageId() : null,
                        Timestamp.from(reportedAt), source.value(), report.schemaId(),
                        source.topic(), source.partition(), source.offset())
                .update() == 1;
    }

    /** Remembers the report for its agent's sync status, written once per agent and batch by {@link #flushAgentSequences}. */
    private void trackSequence(DecodedReport report) {
        Instant reportedAt = report.kind() == ReportKind.PROGRESS ? report.progress().getReportedAt()
                : report.expenditure().getReportedAt();
        batchSequences.computeIfAbsent(report.agentId(), id -> new AgentBatch()).add(report, reportedAt);
    }

    /**
     * Writes the batch's sequence numbers and each agent's sync status: the newest sequences add the numbers they
     * skipped to the missing ones, late ones fill their gaps. Once per agent and batch, because rewriting the status
     * row (and its array of missing numbers) for every report made ingest several times slower.
     */
    void flushAgentSequences() {
        for (var entry : batchSequences.entrySet()) {
            String agentId = entry.getKey();
            AgentBatch batch = entry.getValue();
            List<Long> fresh = jdbc.sql("""
                            insert into agent_sequence (agent_id, sequence) select ?, unnest(?::bigint[])
                            on conflict do nothing returning sequence""")
                    .params(agentId, batch.sequences.toArray(Long[]::new)).query(Long.class).list();
            record Status(long highest, Long[] missing) {
            }
            Optional<Status> current = jdbc.sql(
                            "select highest_sequence, missing_sequences from agent_sync where agent_id = ? for update")
                    .param(agentId)
                    .query((rs, n) -> new Status(rs.getLong(1), (Long[]) rs.getArray(2).getArray())).optional();
            long highest = current.map(Status::highest).orElse(0L);
            TreeSet<Long> missing = new TreeSet<>(current.map(c -> Arrays.asList(c.missing())).orElse(List.of()));
            long newHighest = Math.max(highest, fresh.stream().mapToLong(Long::longValue).max().orElse(highest));
            for (long skipped = highest + 1; skipped < newHighest; skipped++) {
                missing.add(skipped);
            }
            missing.removeAll(fresh);
            long contiguous = missing.isEmpty() ? newHighest : missing.first() - 1;
            jdbc.sql("""
                    insert into agent_sync (agent_id, region_code, last_message_id, last_reported_at, last_received_at,
                        highest_sequence, highest_contiguous_sequence, missing_sequences)
                    values (?, ?, ?, ?, now(), ?, ?, ?)
                    on conflict (agent_id) do update set region_code = excluded.region_code,
                        last_message_id = excluded.last_message_id, last_reported_at = excluded.last_reported_at,
                        last_received_at = excluded.last_received_at, highest_sequence = excluded.highest_sequence,
                        highest_contiguous_sequence = excluded.highest_contiguous_sequence,
                        missing_sequences = excluded.missing_sequences""")
                    .params(agentId, batch.regionCode, batch.lastMessageId, Timestamp.from(batch.lastReportedAt),
                            newHighest, contiguous, missing.toArray(Long[]::new))
                    .update();
        }
        batchSequences.clear();
    }

    /** One agent's reports in this batch; the last one recorded is its "last report received". */
    private static final class AgentBatch {
        private final List<Long> sequences = new ArrayList<>();
        private String regionCode;
        private UUID lastMessageId;
        private Instant lastReportedAt;

        void add(DecodedReport report, Instant reportedAt) {
            sequences.add(report.sequence());
            regionCode = report.regionCode();
            lastMessageId = report.messageId();
            lastReportedAt = reportedAt;
        }
    }

    /** The latest cumulative value replaces the figure; an older period only counts as a report. */
    private void consolidateProgress(ProgressReport r) {
        record Current(LocalDate lastPeriodEnd, UUID lastMessageId) {
        }
        Optional<Current> current = jdbc.sql("""
                select last_period_end, last_message_id from consolidated_progress
                where fiscal_year = ? and operation_code = ? and region_code = ? for update""")
                .params(r.getFiscalYear(), r.getOperationCode(), r.getRegionCode())
                .query((rs, n) -> new Current(rs.getObject(1, LocalDate.class), rs.getObject(2, UUID.class)))
                .optional();
        if (current.isEmpty()) {
            jdbc.sql("""
                    insert into consolidated_progress (fiscal_year, operation_code, region_code, cumulative_value,
                        percent_complete, last_period_end, last_message_id, reports)
                    values (?, ?, ?, ?, ?, ?, ?, 1)""")
                    .params(r.getFiscalYear(), r.getOperationCode(), r.getRegionCode(), r.getAchievedValue(),
                            r.getPercentComplete(), r.getPeriodEnd(), r.getMessageId())
                    .update();
            return;
        }
        boolean replaces = !r.getPeriodEnd().isBefore(current.get().lastPeriodEnd())
                || current.get().lastMessageId().equals(r.getCorrectsMessageId());
        if (replaces) {
            jdbc.sql("""
                    update consolidated_progress set cumulative_value = ?, percent_complete = ?, last_period_end = ?,
                        last_message_id = ?, reports = reports + 1
                    where fiscal_year = ? and operation_code = ? and region_code = ?""")
                    .params(r.getAchievedValue(), r.getPercentComplete(), r.getPeriodEnd(), r.getMessageId(),
                            r.getFiscalYear(), r.getOperationCode(), r.getRegionCode())
                    .update();
        } else {
            jdbc.sql("""
                    update consolidated_progress set reports = reports + 1
                    where fiscal_year = ? and operation_code = ? and region_code = ?""")
                    .params(r.getFiscalYear(), r.getOperationCode(), r.getRegionCode()).update();
        }
    }

    /** Spend adds up per object-of-expenditure group (first digit, e.g. 25220 → 20000) and funding column. */
    private void consolidateSpend(ExpenditureReport r) {
        jdbc.sql("""
                insert into consolidated_spend (fiscal_year, operation_code, region_code, object_group, funding_source,
                    spent, reports)
                values (?, ?, ?, ?, ?, ?, 1)
                on conflict (fiscal_year, operation_code, region_code, object_group, funding_source)
                do update set spent = consolidated_spend.spent + excluded.spent,
                    reports = consolidated_spend.reports + 1""")
                .params(r.getFiscalYear(), r.getOperationCode(), r.getRegionCode(), objectGroup(r.getObjectCode()),
                        r.getFundingSource(), r.getAmount())
                .update();
        jdbc.sql("""
                insert into operation_spend (fiscal_year, operation_code, object_code, funding_source, spent)
                values (?, ?, ?, ?, ?)
                on conflict (fiscal_year, operation_code, object_code, funding_source)
                do update set spent = operation_spend.spent + excluded.spent""")
                .params(r.getFiscalYear(), r.getOperationCode(), r.getObjectCode(), r.getFundingSource(), r.getAmount())
                .update();
    }

    static String objectGroup(String objectCode) {
        String code = objectCode.strip();
        return code.isEmpty() ? code : code.charAt(0) + "0".repeat(code.length() - 1);
    }

    @Override
    public void recordRejection(Rejection r) {
        jdbc.sql("""
                insert into rejected_report (message_id, region_code, raw_payload, schema_id, code, field, message,
                    route, rejected_at, topic, kafka_partition, kafka_offset)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(r.messageId(), r.regionCode(), r.source().value(), r.schemaId(), r.code(), r.field(),
                        r.message(), r.route(), Timestamp.from(r.rejectedAt()), r.source().topic(),
                        r.source().partition(), r.source().offset())
                .update();
    }

    // ---- findings as JSON ----------------------------------------------------------------------------------

    private String writeFindings(List<Finding> findings) {
        return json.writeValueAsString(findings.stream().map(f -> {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("code", f.getCode());
            m.put("severity", f.getSeverity().name());
            m.put("field", f.getField());
            m.put("message", f.getMessage());
            return m;
        }).toList());
    }

    private List<Finding> readFindings(String text) {
        List<Map<String, String>> items = json.readValue(text,
                json.getTypeFactory().constructCollectionType(List.class,
                        json.getTypeFactory().constructMapType(Map.class, String.class, String.class)));
        return items.stream().map(m -> new Finding(m.get("code"), Severity.valueOf(m.get("severity")),
                m.get("field"), m.get("message"))).toList();
    }
}
