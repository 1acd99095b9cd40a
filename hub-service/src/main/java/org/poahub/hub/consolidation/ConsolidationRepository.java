package org.poahub.hub.consolidation;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the consolidated tables ingest keeps (V3) and the report counts of a fiscal year. */
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

    /** Reports of the year (of one region when not null) by status (ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED). */
    Map<String, Long> reportCounts(int fiscalYear, String regionCode) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select status, count(*) from report where fiscal_year = ? and (?::text is null or region_code = ?)"
                        + " group by status").params(fiscalYear, regionCode, regionCode)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
