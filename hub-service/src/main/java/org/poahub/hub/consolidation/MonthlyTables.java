package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;

/**
 * The consolidated tables as they stood at the end of each month of a fiscal year, rebuilt from the month-by-month
 * rows the repository reads (the latest progress report of each operation × region in a month; the spend of each
 * operation × region × group × funding column in a month), with ingest's rules: progress keeps the latest
 * cumulative value (never a sum), spend adds up, reversals included.
 */
record MonthlyTables(List<ProgressMonth> progress, List<SpendMonth> spend) {

    /** The latest progress report of an operation × region within a fiscal month. */
    record ProgressMonth(int month, String operationCode, String regionCode, BigDecimal cumulativeValue,
                         BigDecimal percentComplete, LocalDate periodEnd, int reports) {
    }

    /** What an operation × region spent on a group from a funding column within a fiscal month. */
    record SpendMonth(int month, String operationCode, String regionCode, String objectGroup, String fundingSource,
                      BigDecimal spent, int reports) {
    }

    /** The last fiscal month with an accepted report, 0 when none. */
    int lastReportedMonth() {
        int p = progress.stream().mapToInt(ProgressMonth::month).max().orElse(0);
        int s = spend.stream().mapToInt(SpendMonth::month).max().orElse(0);
        return Math.max(p, s);
    }

    /** The tables as they stood at the end of {@code month} (1 … 12). */
    ConsolidatedTables asOfMonth(int month) {
        Map<List<String>, ProgressRow> latest = new LinkedHashMap<>();
        Map<List<String>, Integer> progressReports = new TreeMap<>(MonthlyTables::compare);
        progress.stream().filter(p -> p.month() <= month)
                .sorted((a, b) -> Integer.compare(a.month(), b.month()))
                .forEach(p -> {
                    List<String> key = List.of(p.operationCode(), p.regionCode());
                    int reports = progressReports.merge(key, p.reports(), Integer::sum);
                    latest.put(key, new ProgressRow(p.operationCode(), p.regionCode(), p.cumulativeValue(),
                            p.percentComplete(), p.periodEnd(), reports));
                });
        Map<List<String>, SpendRow> spent = new TreeMap<>(MonthlyTables::compare);
        spend.stream().filter(s -> s.month() <= month).forEach(s -> spent.merge(
                List.of(s.operationCode(), s.regionCode(), s.objectGroup(), s.fundingSource()),
                new SpendRow(s.operationCode(), s.regionCode(), s.objectGroup(), s.fundingSource(), s.spent(),
                        s.reports()),
                (a, b) -> new SpendRow(a.operationCode(), a.regionCode(), a.objectGroup(), a.fundingSource(),
                        a.spent().add(b.spent()), a.reports() + b.reports())));
        return new ConsolidatedTables(new ArrayList<>(latest.values()), new ArrayList<>(spent.values()));
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
