package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.hub.ingest.Figures.OperationKey;
import org.poahub.hub.ingest.Figures.Progress;
import org.poahub.hub.ingest.Figures.ProgressKey;
import org.poahub.hub.ingest.Figures.SpendLine;
import org.poahub.rules.ReportHistory.RecordedReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reads of a batch, one query for any number of keys. */
final class IngestBatchReader {

    private final JdbcClient jdbc;
    private final FindingsJson findings;

    IngestBatchReader(JdbcClient jdbc, FindingsJson findings) {
        this.jdbc = jdbc;
        this.findings = findings;
    }

    Map<UUID, ReportOutcome> outcomes(Collection<UUID> messageIds) {
        Map<UUID, ReportOutcome> found = new HashMap<>();
        jdbc.sql("""
                        select message_id, region_code, kind, status, findings::text, processed_at from report_outcome
                        where message_id = any(?::uuid[])""")
                .param(uuids(messageIds))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(id, ReportOutcome.newBuilder()
                            .setMessageId(id)
                            .setRegionCode(rs.getString(2))
                            .setReportKind(ReportKind.valueOf(rs.getString(3)))
                            .setStatus(OutcomeStatus.valueOf(rs.getString(4)))
                            .setFindings(findings.read(rs.getString(5)))
                            .setProcessedAt(rs.getTimestamp(6).toInstant())
                            .build());
                });
        return found;
    }

    /** Recorded reports that were not rejected: what a correction or reversal may refer to. */
    Map<UUID, RecordedReport> acceptedReports(Collection<UUID> messageIds) {
        Map<UUID, RecordedReport> found = new HashMap<>();
        jdbc.sql("""
                        select message_id, region_code, kind, amount from report
                        where message_id = any(?::uuid[]) and status <> 'REJECTED'""")
                .param(uuids(messageIds))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(id, new RecordedReport(id, rs.getString(2), ReportKind.valueOf(rs.getString(3)),
                            rs.getBigDecimal(4)));
                });
        return found;
    }

    /**
     * The stored progress rows, locked for this transaction in key order (two hub instances lock them in the same
     * order, so they cannot deadlock on them).
     */
    Map<ProgressKey, Progress> progressForUpdate(Collection<ProgressKey> keys) {
        Map<ProgressKey, Progress> found = new HashMap<>();
        jdbc.sql("""
                        select p.fiscal_year, p.operation_code, p.region_code, p.cumulative_value, p.percent_complete,
                            p.last_period_end, p.last_message_id, p.reports
                        from consolidated_progress p
                        join unnest(?::integer[], ?::text[], ?::text[]) as k (fiscal_year, operation_code, region_code)
                            on p.fiscal_year = k.fiscal_year and p.operation_code = k.operation_code
                                and p.region_code = k.region_code
                        order by p.fiscal_year, p.operation_code, p.region_code
                        for update of p""")
                .params(keys.stream().map(ProgressKey::fiscalYear).toArray(Integer[]::new),
                        keys.stream().map(ProgressKey::operationCode).toArray(String[]::new),
                        keys.stream().map(ProgressKey::regionCode).toArray(String[]::new))
                .query(rs -> {
                    found.put(new ProgressKey(rs.getInt(1), rs.getString(2), rs.getString(3)),
                            new Progress(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class),
                                    rs.getObject(7, UUID.class), rs.getInt(8), true));
                });
        return found;
    }

    /** National spend per object code and funding column of each operation (operations with none are left out). */
    Map<OperationKey, Map<SpendLine, BigDecimal>> operationSpend(Collection<OperationKey> keys) {
        Map<OperationKey, Map<SpendLine, BigDecimal>> found = new HashMap<>();
        jdbc.sql("""
                        select s.fiscal_year, s.operation_code, s.object_code, s.funding_source, s.spent
                        from operation_spend s
                        join unnest(?::integer[], ?::text[]) as k (fiscal_year, operation_code)
                            on s.fiscal_year = k.fiscal_year and s.operation_code = k.operation_code""")
                .params(keys.stream().map(OperationKey::fiscalYear).toArray(Integer[]::new),
                        keys.stream().map(OperationKey::operationCode).toArray(String[]::new))
                .query(rs -> {
                    found.computeIfAbsent(new OperationKey(rs.getInt(1), rs.getString(2)), k -> new HashMap<>())
                            .put(new SpendLine(rs.getString(3), rs.getString(4)), rs.getBigDecimal(5));
                });
        return found;
    }

    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
