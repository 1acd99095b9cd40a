package org.poahub.local.e2e;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the hub holds in PostgreSQL for one region: the figures the agent-to-hub tests compare. */
final class HubFigures {

    /** Consolidated spend of a region: the sum and the number of reports it counts. */
    record Spend(BigDecimal spent, long reports) {
    }

    /** One rejection as staff see it in {@code rejected_report}. */
    record Rejection(String code, String message) {
    }

    private final JdbcClient jdbc;

    HubFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long reportRows(String region) {
        return jdbc.sql("select count(*) from report where region_code = ?").param(region).query(Long.class).single();
    }

    /** Message id → achieved value (progress) or amount (expenditure) of every report row of the region. */
    Map<UUID, BigDecimal> reports(String region) {
        Map<UUID, BigDecimal> rows = new HashMap<>();
        jdbc.sql("select message_id, coalesce(achieved_value, amount) as value from report where region_code = ?")
                .param(region)
                .query((rs, n) -> rows.put(rs.getObject("message_id", UUID.class), rs.getBigDecimal("value").stripTrailingZeros()))
                .list();
        return rows;
    }

    Map<String, Long> statuses(String region) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select status, count(*) as n from report where region_code = ? group by status").param(region)
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
        return counts;
    }

    /** Message id → status (ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED) of every report row of the region. */
    Map<UUID, String> reportStatuses(String region) {
        Map<UUID, String> rows = new HashMap<>();
        jdbc.sql("select message_id, status from report where region_code = ?").param(region)
                .query((rs, n) -> rows.put(rs.getObject("message_id", UUID.class), rs.getString("status"))).list();
        return rows;
    }

    /** Rejection code → how many rows of {@code rejected_report} the region has with it. */
    Map<String, Long> rejectionCodes(String region) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select code, count(*) as n from rejected_report where region_code = ? group by code").param(region)
                .query((rs, n) -> counts.put(rs.getString("code"), rs.getLong("n"))).list();
        return counts;
    }

    long totalReports() {
        return jdbc.sql("select count(*) from report").query(Long.class).single();
    }

    long totalRejected() {
        return jdbc.sql("select count(*) from report where status = 'REJECTED'").query(Long.class).single();
    }

    Spend consolidatedSpend(String region) {
        return jdbc.sql("select coalesce(sum(spent), 0) as spent, coalesce(sum(reports), 0) as reports "
                        + "from consolidated_spend where region_code = ?").param(region)
                .query((rs, n) -> new Spend(rs.getBigDecimal("spent"), rs.getLong("reports"))).single();
    }

    /** Operation → cumulative progress the hub consolidated for the region. */
    Map<String, BigDecimal> cumulativeProgress(String region) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("select operation_code, cumulative_value from consolidated_progress where region_code = ?")
                .param(region)
                .query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return values;
    }

    /** Operation → how many progress reports the consolidated progress of the region counts. */
    Map<String, Long> progressReports(String region) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select operation_code, reports from consolidated_progress where region_code = ?").param(region)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Reports per second the hub stored for the region, first to last receipt (for the test log, not asserted). */
    double ingestRate(String region) {
        return jdbc.sql("select count(*) / greatest(extract(epoch from max(committed_at) - min(received_at)), 0.001) "
                + "from report where region_code = ?").param(region).query(Double.class).single();
    }

    long outcomes(String region) {
        return jdbc.sql("select count(*) from report_outcome where region_code = ?").param(region).query(Long.class)
                .single();
    }

    Rejection rejection(UUID messageId) {
        return jdbc.sql("select code, message from rejected_report where message_id = ?").param(messageId)
                .query((rs, n) -> new Rejection(rs.getString("code"), rs.getString("message"))).single();
    }

    /**
     * Why the hub rejected a report, and the agent's sequence numbers of the later reports of the same operation and
     * kind that the hub stored before it (evidence of reports arriving out of the order the agent saved them).
     */
    String rejectionWithContext(UUID messageId) {
        Rejection rejection = rejection(messageId);
        List<String> laterFirst = jdbc.sql("""
                        select later.sequence || ' at offset ' || later.kafka_offset from report r join report later
                          on later.topic = r.topic and later.kafka_partition = r.kafka_partition
                         and later.operation_code = r.operation_code and later.sequence > r.sequence
                         and later.kafka_offset < r.kafka_offset
                        where r.message_id = ? order by later.kafka_offset""").param(messageId).query(String.class).list();
        String where = jdbc.sql("select 'sequence ' || sequence || ' at offset ' || kafka_offset || ' of ' || topic || '-'"
                + " || kafka_partition from report where message_id = ?").param(messageId).query(String.class).single();
        return rejection.code() + " (" + rejection.message() + "), " + where
                + "; later reports of its operation before it in the partition: " + laterFirst;
    }

    String status(UUID messageId) {
        return jdbc.sql("select status from report where message_id = ?").param(messageId).query(String.class)
                .single();
    }
}
