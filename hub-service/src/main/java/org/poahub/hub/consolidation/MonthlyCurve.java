package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The S-curve of a fiscal year: the entity's planned and physical progress and its financial execution at the end of
 * each month, each point the {@link ConsolidationCalculator}'s national figures as of that month end (the same
 * rollups as the summary). Physical and financial points stop at the last month with an accepted report.
 */
public record MonthlyCurve(int fiscalYear, int planVersion, BigDecimal budget, int lastReportedMonth,
                           List<Point> months) {

    /**
     * @param physicalProgress null after the last reported month
     * @param spent            cumulative, null after the last reported month
     * @param executionPercent cumulative spend as a percentage of the budget, null after the last reported month
     */
    public record Point(int month, LocalDate monthEnd, BigDecimal plannedProgress, BigDecimal physicalProgress,
                        BigDecimal spent, BigDecimal executionPercent) {
    }
}
