package org.poahub.hub.finance.efficiency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.poahub.hub.finance.reconciliation.SigepDevengado;

/**
 * The quarterly physical–financial follow-up of a fiscal year (docs/finance.md): one row per level of the plan, all as
 * of the quarter's last day. Money is exact; percentages and indicators have 2 decimals (half up).
 *
 * @param sigep       the execution extract (and mapping) the devengado comes from; null when no extract has the
 *                    quarter's end as its cut-off date (then every row's executed amount is the regions')
 * @param sourceNote  in Spanish: where "executed" comes from, for the reader
 * @param rows        entity, then each objective followed by its actions, each followed by its operations
 */
public record QuarterlyEfficiency(int fiscalYear, int quarter, LocalDate quarterEnd, int planVersion,
        String entityAcronym, SigepDevengado.Source sigep, String sourceNote, List<Row> rows) {

    public QuarterlyEfficiency {
        rows = List.copyOf(rows);
    }

    /** Level of a row. */
    public enum Level { ENTIDAD, OBJETIVO, ACCION, OPERACION }

    /** Where a row's executed amount comes from. */
    public enum Source { SIGEP, REGIONALES }

    /**
     * One row of the follow-up.
     *
     * @param weight              the action's ponderación within its objective (actions only)
     * @param programmedBudget    the budget programmed up to the quarter's end (the plan's schedule: each operation's
     *                            budget × its planned progress at that date, to the cent; sums above)
     * @param regionalSpent       accepted regional expenditure up to the quarter's end
     * @param sigepDevengado      SIGEP's devengado at the quarter's end, when it can be attributed to the row
     * @param executed            {@code sigepDevengado} when {@code source} is SIGEP, else {@code regionalSpent}
     * @param sourceNote          why the source is the regions' when an extract exists (Spanish), else null
     * @param financialPercent    executed / budget × 100 (null without budget)
     * @param financialTarget     meta financiera: programmed budget / budget × 100 (null without budget)
     * @param physicalPercent     physical progress (operations count at most 100 %; actions are the mean of their
     *                            operations, objectives weighted by ponderación, as in the consolidation)
     * @param physicalTarget      meta física: planned progress at the quarter's end
     */
    public record Row(Level level, String code, String name, String objectiveCode, String actionCode, Integer weight,
            BigDecimal budget, BigDecimal programmedBudget, BigDecimal regionalSpent, BigDecimal sigepDevengado,
            BigDecimal executed, Source source, String sourceNote, BigDecimal financialPercent,
            BigDecimal financialTarget, BigDecimal physicalPercent, BigDecimal physicalTarget,
            BigDecimal physicalAttainment, BigDecimal financialAttainment, BigDecimal weightedEfficiency,
            String weightedBand, String weightedLabel, BigDecimal relativeEfficiency, String relativeBand,
            String relativeLabel) {
    }

    public List<Row> rows(Level level) {
        return rows.stream().filter(r -> r.level() == level).toList();
    }

    public java.util.Optional<Row> row(Level level, String code) {
        return rows.stream().filter(r -> r.level() == level && r.code().equals(code)).findFirst();
    }

    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
