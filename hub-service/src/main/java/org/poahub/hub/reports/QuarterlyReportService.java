package org.poahub.hub.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.poahub.hub.consolidation.ConsolidationService;
import org.poahub.hub.finance.efficiency.EfficiencyService;

/**
 * Builds the quarterly report from the consolidated figures as of the quarter's last day, the review trail and the
 * quarterly physical–financial follow-up.
 */
class QuarterlyReportService {

    private final ConsolidationService consolidation;
    private final ReviewTrail trail;
    private final EfficiencyService efficiency;

    QuarterlyReportService(ConsolidationService consolidation, ReviewTrail trail, EfficiencyService efficiency) {
        this.consolidation = consolidation;
        this.trail = trail;
        this.efficiency = efficiency;
    }

    /** Empty when the year has no plan. */
    Optional<QuarterlyReport> report(int fiscalYear, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, not " + quarter);
        }
        LocalDate end = YearMonth.of(fiscalYear, quarter * 3).atEndOfMonth();
        return consolidation.figures(fiscalYear, end).map(y -> QuarterlyReport.of(quarter, y.figures(),
                trail.observations(fiscalYear, quarter), trail.signatures(fiscalYear, quarter),
                efficiency.quarter(fiscalYear, quarter).orElse(null)));
    }
}
