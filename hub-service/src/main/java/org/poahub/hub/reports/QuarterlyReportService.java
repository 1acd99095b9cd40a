package org.poahub.hub.reports;

import java.util.Optional;
import org.poahub.hub.consolidation.ConsolidationService;
import org.poahub.hub.finance.efficiency.EfficiencyService;

/**
 * Builds the quarterly report from the consolidated figures as they stood at the quarter's last day (reports dated
 * after it left out), the review trail and the quarterly physical–financial follow-up.
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
        // the figures as they stood at the quarter's end (reports dated after it are left out), as the follow-up reads them
        return consolidation.atQuarterEnd(fiscalYear, quarter).map(figures -> QuarterlyReport.of(quarter, figures,
                trail.observations(fiscalYear, quarter), trail.signatures(fiscalYear, quarter),
                efficiency.quarter(fiscalYear, quarter).orElse(null)));
    }
}
