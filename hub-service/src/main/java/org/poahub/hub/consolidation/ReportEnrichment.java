package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What ingest stores with an accepted report (table {@code report_enrichment}). Progress fields are null on an
 * expenditure report and the other way round; the budget fields are null when no budget line covers the expense.
 *
 * @param reportDate       period end (progress) or spent-on date (expenditure)
 * @param achievedPercent  the region's cumulative value as a percentage of its target
 * @param plannedPercent   planned progress at {@code reportDate}
 * @param scheduleVariance achieved − planned, in percentage points
 * @param cumulativeSpend  national spend on the budget line after this report (all regions, reversals included)
 */
public record ReportEnrichment(
        int planVersion,
        String objectiveCode,
        String actionCode,
        int actionWeight,
        BigDecimal targetValue,
        String targetKind,
        LocalDate operationStart,
        LocalDate operationEnd,
        String regionName,
        LocalDate reportDate,
        int fiscalMonth,
        int fiscalQuarter,
        BigDecimal achievedPercent,
        BigDecimal plannedPercent,
        BigDecimal scheduleVariance,
        String budgetObjectCode,
        String budgetFundingSource,
        BigDecimal budgetAmount,
        BigDecimal cumulativeSpend,
        BigDecimal executionPercent) {
}
