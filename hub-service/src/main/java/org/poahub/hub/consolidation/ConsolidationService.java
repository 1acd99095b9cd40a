package org.poahub.hub.consolidation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** The consolidated figures of a year as of a date, from the consolidated tables and the newest plan version. */
public class ConsolidationService {

    /** The figures and the report counts, read in one transaction so they agree. */
    public record YearFigures(Consolidation figures, Map<String, Long> reportCounts) {
    }

    private final PlanSource plans;
    private final ConsolidationRepository repository;
    private final ConsolidationCalculator calculator;
    private final Clock clock;

    ConsolidationService(PlanSource plans, ConsolidationRepository repository, ConsolidationCalculator calculator,
                         Clock clock) {
        this.plans = plans;
        this.repository = repository;
        this.calculator = calculator;
        this.clock = clock;
    }

    /** Empty when the year has no plan; {@code asOf} defaults to today. */
    @Transactional(readOnly = true)
    public Optional<YearFigures> figures(int fiscalYear, LocalDate asOf) {
        return figures(fiscalYear, asOf, null);
    }

    /**
     * As {@link #figures(int, LocalDate)}, from one region's reports only when {@code regionCode} is not null (what a
     * REGIONAL user sees: the plan's targets with its own region's execution).
     */
    @Transactional(readOnly = true)
    public Optional<YearFigures> figures(int fiscalYear, LocalDate asOf, String regionCode) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        return plans.current(fiscalYear).map(p -> new YearFigures(
                calculator.consolidate(p.plan(), p.version(), repository.tables(fiscalYear, regionCode), date),
                repository.reportCounts(fiscalYear, regionCode)));
    }
}
