package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rows of {@code consolidated_progress} and {@code consolidated_spend} of one fiscal year, as ingest keeps them.
 */
public record ConsolidatedTables(List<ProgressRow> progress, List<SpendRow> spend) {

    public ConsolidatedTables {
        progress = List.copyOf(progress);
        spend = List.copyOf(spend);
    }

    /** The latest cumulative value of an operation in a region. */
    public record ProgressRow(String operationCode, String regionCode, BigDecimal cumulativeValue,
                              BigDecimal percentComplete, LocalDate lastPeriodEnd, int reports) {
    }

    /** The spend of an operation in a region on an object-of-expenditure group from a funding column. */
    public record SpendRow(String operationCode, String regionCode, String objectGroup, String fundingSource,
                           BigDecimal spent, int reports) {
    }
}
