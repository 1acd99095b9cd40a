package org.poahub.hub.consolidation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;
import org.poahub.hub.consolidation.MonthlyTables.ProgressMonth;
import org.poahub.hub.consolidation.MonthlyTables.SpendMonth;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the consolidated tables and the report counts ingest keeps (V3, V26) of a fiscal year. */
class ConsolidationRepository {

    private final JdbcClient jdbc;

    ConsolidationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's consolidated rows, of one region when {@code regionCode} is not null. */
    ConsolidatedTables tables(int fiscalYear, String regionCode) {
        return new ConsolidatedTables(
                jdbc.sql("""
                        select operation_code, region_code, cumulative_value, percent_complete, last_period_end, reports
                        from consolidated_progress where fiscal_year = ? and (?::text is null or region_code = ?)
                        order by operation_code, region_code""")
                        .params(fiscalYear, regionCode, regionCode)
                        .query((rs, n) -> new ProgressRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getInt(6)))
                        .list(),
                jdbc.sql("""
                        select operation_code, region_code, object_group, funding_source, spent, reports
                        from consolidated_spend where fiscal_year = ? and (?::text is null or region_code = ?)
                        order by operation_code, region_code, object_group, funding_source""")
                        .params(fiscalYear, regionCode, regionCode)
                        .query((rs, n) -> new SpendRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getBigDecimal(5), rs.getInt(6)))
                        .list());
    }

    /**
     * The accepted reports of a fiscal year month by month (fiscal month of the report's date: period end or spent-on
     * day), as ingest keeps them ({@code monthly_progress}, {@code monthly_spend}, V26): per operation × region the
     * latest progress report of each month (newest period end, then the one ingested last), and the spend per group
     * and funding column of each month; of one region only when {@code regionCode} is not null.
     */
    MonthlyTables monthlyTables(int fiscalYear, String regionCode) {
        return new MonthlyTables(
                jdbc.sql("""
                        select fiscal_month, operation_code, region_code, achieved_value, percent_complete, period_end,
                               reports
                        from monthly_progress
                        where fiscal_year = ? and (?::text is null or region_code = ?)
                        order by fiscal_month, operation_code, region_code""")
                        .params(fiscalYear, regionCode, regionCode)
                        .query((rs, n) -> new ProgressMonth(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class),
                                rs.getInt(7)))
                        .list(),
                jdbc.sql("""
                        select fiscal_month, operation_code, region_code, object_code, funding_source, spent, reports
                        from monthly_spend
                        where fiscal_year = ? and (?::text is null or region_code = ?)
                        order by fiscal_month, operation_code, region_code, object_code, funding_source""")
                        .params(fiscalYear, regionCode, regionCode)
                        .query((rs, n) -> new SpendMonth(rs.getInt(1), rs.getString(2), rs.getString(3),
                                ObjectOfExpenditureClassifier.groupCodeOf(rs.getString(4)), rs.getString(5),
                                rs.getBigDecimal(6), rs.getInt(7)))
                        .list());
    }

    /** The end of the latest period any region reported progress for in the fiscal year, if any. */
    java.util.Optional<LocalDate> latestReportedPeriodEnd(int fiscalYear) {
        return jdbc.sql("select max(last_period_end) from consolidated_progress where fiscal_year = ?")
                .param(fiscalYear).query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class)))
                .single();
    }

    /** Reports of the year (of one region when not null) by status (ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED). */
    Map<String, Long> reportCounts(int fiscalYear, String regionCode) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select status, sum(reports) from report_count where fiscal_year = ?"
                        + " and (?::text is null or region_code = ?) group by status")
                .params(fiscalYear, regionCode, regionCode)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
