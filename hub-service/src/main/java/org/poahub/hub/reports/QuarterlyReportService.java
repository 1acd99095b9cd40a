package org.poahub.hub.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.poahub.hub.consolidation.ConsolidationService;

/** Builds the quarterly report from the consolidated figures as of the quarter's last day and the review trail. */
class QuarterlyReportService {

    private final ConsolidationService consolidation;
    private final ReviewTrail trail;

    QuarterlyReportService(ConsolidationService consolidation, ReviewTrail trail) {
        this.consolidation = consolidation;
        this.trail = trail;
    }

    /** Empty when the year has no plan. */
    Optional<QuarterlyReport> report(int fiscalYear, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, not " + quarter);
        }
        LocalDate end = YearMonth.of(fiscalYear, quarter * 3).atEndOfMonth();
        return consolidation.figures(fiscalYear, end).map(y -> QuarterlyReport.of(quarter, y.figures(),
                trail.observations(fiscalYear, quarter), trail.signatures(fiscalYear, quarter)));
    }
}
