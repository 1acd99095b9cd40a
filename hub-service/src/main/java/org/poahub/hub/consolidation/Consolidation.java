package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The consolidated figures of a fiscal year as of a date: entity → objectives → actions → operations → regions,
 * expenditure by object-of-expenditure group and funding column, and alerts. Percentages have 2 decimals, money is
 * exact. Built by {@link ConsolidationCalculator}; the rules are in docs/consolidation.md.
 */
public record Consolidation(
        int fiscalYear,
        int planVersion,
        String entityCode,
        String entityAcronym,
        LocalDate asOf,
        Progress progress,
        Money money,
        List<ObjectiveFigures> objectives,
        List<ExpenditureLine> expenditure,
        List<RegionExpenditure> regionalExpenditure,
        List<Alert> alerts) {

    /**
     * Physical and planned progress in percent, their variance in percentage points, and the status.
     *
     * @param statusLabel the status in Spanish, for staff
     */
    public record Progress(BigDecimal physicalProgress, BigDecimal plannedProgress, BigDecimal variance,
                           ProgressStatus status, String statusLabel) {
    }

    /** Budget, spend and financial execution (spend as a percentage of budget; null without budget). */
    public record Money(BigDecimal budget, BigDecimal spent, BigDecimal executionPercent) {
    }

    public record ObjectiveFigures(String code, String name, Progress progress, Money money,
                                   List<ActionFigures> actions) {
    }

    public record ActionFigures(String code, String name, int weight, Progress progress, Money money,
                                List<OperationFigures> operations) {
    }

    /**
     * @param cumulativeValue the national cumulative value (sum of the regions') for a counted target, else null
     */
    public record OperationFigures(String code, String name, String indicator, BigDecimal targetValue,
                                   String targetKind, LocalDate start, LocalDate end, BigDecimal cumulativeValue,
                                   Progress progress, Money money, List<RegionFigures> regions,
                                   List<ExpenditureLine> expenditure) {
    }

    /** One region's part of an operation: its latest cumulative value and its spend. */
    public record RegionFigures(String regionCode, String regionName, BigDecimal cumulativeValue,
                                BigDecimal physicalProgress, LocalDate lastPeriodEnd, int progressReports,
                                BigDecimal spent) {
    }

    /** Budget and spend on one object-of-expenditure group from one funding column (budget null: not split). */
    public record ExpenditureLine(String objectGroup, String groupName, String fundingSource, BigDecimal budget,
                                  BigDecimal spent, BigDecimal executionPercent) {
    }

    public record RegionExpenditure(String regionCode, String regionName, BigDecimal spent,
                                    List<ExpenditureLine> lines) {
    }

    /** A physical-vs-financial alert: a stable code and a Spanish message. */
    public record Alert(String code, String operationCode, String objectGroup, String fundingSource,
                        String message) {
    }

    public Optional<ObjectiveFigures> objective(String code) {
        return objectives.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public Optional<OperationFigures> operation(String code) {
        return objectives.stream().flatMap(o -> o.actions().stream()).flatMap(a -> a.operations().stream())
                .filter(op -> op.code().equals(code)).findFirst();
    }
}
