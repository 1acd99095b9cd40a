package org.poahub.hub.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.hub.ingest.Figures.SpendDelta;

/**
 * What a batch adds to the month-by-month tables the S-curve reads ({@code monthly_progress}, {@code monthly_spend},
 * V26): per fiscal month of an accepted report's date, the latest progress report of each operation × region (newest
 * period end; on a tie the one recorded last) and the spend per object code and funding column. Kept in key order, so
 * two transactions lock the rows in the same order.
 */
final class MonthlyFigures {

    /** A row of {@code monthly_progress}. */
    record ProgressMonthKey(int fiscalYear, int fiscalMonth, String operationCode, String regionCode)
            implements Comparable<ProgressMonthKey> {

        private static final Comparator<ProgressMonthKey> ORDER = Comparator.comparingInt(ProgressMonthKey::fiscalYear)
                .thenComparingInt(ProgressMonthKey::fiscalMonth).thenComparing(ProgressMonthKey::operationCode)
                .thenComparing(ProgressMonthKey::regionCode);

        @Override
        public int compareTo(ProgressMonthKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** The batch's latest progress report of a month and how many it had. */
    record ProgressMonth(BigDecimal achievedValue, BigDecimal percentComplete, LocalDate periodEnd, int reports) {

        /** {@code later} was recorded after this one: it replaces the figure unless its period is older. */
        ProgressMonth then(ProgressMonth later) {
            ProgressMonth latest = later.periodEnd.isBefore(periodEnd) ? this : later;
            return new ProgressMonth(latest.achievedValue, latest.percentComplete, latest.periodEnd,
                    reports + later.reports);
        }
    }

    /** A row of {@code monthly_spend}. */
    record SpendMonthKey(int fiscalYear, int fiscalMonth, String operationCode, String regionCode, String objectCode,
                         String fundingSource) implements Comparable<SpendMonthKey> {

        private static final Comparator<SpendMonthKey> ORDER = Comparator.comparingInt(SpendMonthKey::fiscalYear)
                .thenComparingInt(SpendMonthKey::fiscalMonth).thenComparing(SpendMonthKey::operationCode)
                .thenComparing(SpendMonthKey::regionCode).thenComparing(SpendMonthKey::objectCode)
                .thenComparing(SpendMonthKey::fundingSource);

        @Override
        public int compareTo(SpendMonthKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final Map<ProgressMonthKey, ProgressMonth> progress = new TreeMap<>();
    private final Map<SpendMonthKey, SpendDelta> spend = new TreeMap<>();

    /** An accepted progress report whose date falls in {@code fiscalMonth}. */
    void add(ProgressReport r, int fiscalMonth) {
        progress.merge(new ProgressMonthKey(r.getFiscalYear(), fiscalMonth, r.getOperationCode(), r.getRegionCode()),
                new ProgressMonth(r.getAchievedValue(), r.getPercentComplete(), r.getPeriodEnd(), 1),
                ProgressMonth::then);
    }

    /** An accepted expenditure report (or reversal) whose date falls in {@code fiscalMonth}. */
    void add(ExpenditureReport r, int fiscalMonth) {
        BigDecimal amount = r.getAmount();
        spend.merge(new SpendMonthKey(r.getFiscalYear(), fiscalMonth, r.getOperationCode(), r.getRegionCode(),
                        r.getObjectCode(), r.getFundingSource()), SpendDelta.NONE.plus(amount),
                (a, b) -> a.plus(amount));
    }

    Map<ProgressMonthKey, ProgressMonth> progress() {
        return progress;
    }

    Map<SpendMonthKey, SpendDelta> spend() {
        return spend;
    }
}
