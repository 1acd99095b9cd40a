package org.poahub.benchmarks.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The read side's queries before and after the running totals of V26, timed on the same database in the same run: what
 * the endpoints asked the report table (and V10's agents view) for, and what they ask the tables ingest now keeps.
 * Each pair returns the same figures; the time is PostgreSQL's plus fetching the rows over JDBC.
 */
final class ReplacedQueries {

    /** A query the read side ran before V26 and the one it runs now. */
    record Pair(String what, String before, String after) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("report counts by status (every figures endpoint)",
                    "select status, count(*) from report where fiscal_year = 2020 group by status",
                    "select status, sum(reports) from report_count where fiscal_year = 2020 group by status"),
            new Pair("S-curve: latest progress report per month",
                    """
                    select fiscal_month, operation_code, region_code, achieved_value, percent_complete, period_end,
                           reports
                    from (select distinct on (operation_code, region_code, fiscal_month)
                                 fiscal_month, operation_code, region_code, achieved_value, percent_complete,
                                 period_end,
                                 count(*) over (partition by operation_code, region_code, fiscal_month) as reports
                          from report
                          where fiscal_year = 2020 and kind = 'PROGRESS' and plan_version is not null
                          order by operation_code, region_code, fiscal_month, period_end desc, committed_at desc,
                                   kafka_offset desc) latest
                    order by fiscal_month, operation_code, region_code""",
                    """
                    select fiscal_month, operation_code, region_code, achieved_value, percent_complete, period_end,
                           reports
                    from monthly_progress where fiscal_year = 2020
                    order by fiscal_month, operation_code, region_code"""),
            new Pair("S-curve: spend per month",
                    """
                    select fiscal_month, operation_code, region_code, object_code, funding_source, sum(amount),
                           count(*)
                    from report
                    where fiscal_year = 2020 and kind = 'EXPENDITURE' and plan_version is not null
                    group by fiscal_month, operation_code, region_code, object_code, funding_source
                    order by fiscal_month, operation_code, region_code, object_code, funding_source""",
                    """
                    select fiscal_month, operation_code, region_code, object_code, funding_source, spent, reports
                    from monthly_spend where fiscal_year = 2020
                    order by fiscal_month, operation_code, region_code, object_code, funding_source"""),
            new Pair("agents with their gaps (V10's view vs V26's)",
                    """
                    select s.agent_id, s.region_code, s.last_message_id, s.last_reported_at, s.last_received_at,
                           s.highest_sequence, coalesce(g.first_missing - 1, s.highest_sequence),
                           coalesce(g.missing, '{}')
                    from agent_sync_state s
                    left join lateral (
                        select min(m) as first_missing, array_agg(m order by m) as missing
                        from (select generate_series(r.previous + 1, r.sequence - 1) as m
                              from (select q.sequence,
                                           lag(q.sequence, 1, 0::bigint) over (order by q.sequence) as previous
                                    from agent_sequence q where q.agent_id = s.agent_id) r
                              where r.sequence > r.previous + 1) gaps
                    ) g on true""",
                    "select * from agent_sync"));

    private ReplacedQueries() {
    }

    /** A Markdown table: per pair, p50 and p95 before and after, and the rows each returned (the same). */
    static String timed(Connection connection, int warmup, int requests) throws SQLException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n| query | before p50 | before p95 | after p50 | after p95 | rows |%n|---|---:|---:|---:|---:|---:|%n"));
        for (Pair pair : PAIRS) {
            Histogram before = new Histogram(3);
            Histogram after = new Histogram(3);
            long rowsBefore = 0;
            long rowsAfter = 0;
            for (int i = 0; i < warmup + requests; i++) {
                rowsBefore = time(connection, pair.before(), i >= warmup ? before : null);
                rowsAfter = time(connection, pair.after(), i >= warmup ? after : null);
            }
            if (rowsBefore != rowsAfter) {
                throw new IllegalStateException(pair.what() + ": " + rowsBefore + " rows before, " + rowsAfter + " after");
            }
            table.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %,d |%n",
                    pair.what(), before.getValueAtPercentile(50) / 1000.0, before.getValueAtPercentile(95) / 1000.0,
                    after.getValueAtPercentile(50) / 1000.0, after.getValueAtPercentile(95) / 1000.0, rowsAfter));
        }
        return table.toString();
    }

    private static long time(Connection connection, String sql, Histogram histogram) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
        }
        if (histogram != null) {
            histogram.recordValue((System.nanoTime() - start) / 1_000);
        }
        return rows;
    }
}
