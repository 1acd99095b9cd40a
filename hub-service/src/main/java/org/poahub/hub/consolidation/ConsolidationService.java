package org.poahub.hub.consolidation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.poahub.hub.consolidation.RegionRollup.RegionSummary;
import org.poahub.plan.RegionCatalogue;
import org.springframework.transaction.annotation.Transactional;

/** The consolidated figures of a year as of a date, from the consolidated tables and the newest plan version. */
public class ConsolidationService {

    /** The figures and the report counts, read in one transaction so they agree. */
    public record YearFigures(Consolidation figures, Map<String, Long> reportCounts) {
    }

    /** The figures per region of the catalogue as of a date. */
    public record RegionFiguresOfYear(int fiscalYear, int planVersion, LocalDate asOf, List<RegionSummary> regions) {
    }

    private final PlanSource plans;
    private final ConsolidationRepository repository;
    private final ConsolidationCalculator calculator;
    private final RegionCatalogue regions;
    private final Clock clock;

    ConsolidationService(PlanSource plans, ConsolidationRepository repository, ConsolidationCalculator calculator,
                         RegionCatalogue regions, Clock clock) {
        this.plans = plans;
        this.repository = repository;
        this.calculator = calculator;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Empty when the year has no plan. {@code asOf} defaults to the end of the latest period any region reported
     * progress for in that year; with no report yet, to today, kept within the fiscal year.
     */
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
        return plans.current(fiscalYear).map(p -> new YearFigures(
                calculator.consolidate(p.plan(), p.version(), repository.tables(fiscalYear, regionCode),
                        asOfOrDefault(fiscalYear, asOf)),
                repository.reportCounts(fiscalYear, regionCode)));
    }

    /**
     * The regions' progress and spend as of a date (defaulted as in {@link #figures}); only {@code regionCode}'s when it
     * is not null.
     */
    @Transactional(readOnly = true)
    public Optional<RegionFiguresOfYear> regions(int fiscalYear, LocalDate asOf, String regionCode) {
        return plans.current(fiscalYear).map(p -> {
            Consolidation c = calculator.consolidate(p.plan(), p.version(), repository.tables(fiscalYear, regionCode),
                    asOfOrDefault(fiscalYear, asOf));
            List<RegionSummary> all = RegionRollup.of(c, p.plan(), regions);
            return new RegionFiguresOfYear(fiscalYear, p.version(), c.asOf(), regionCode == null ? all
                    : all.stream().filter(r -> r.regionCode().equals(regionCode)).toList());
        });
    }

    /**
     * The S-curve: the national figures as of each month end, from the tables as they stood then. Months after the
     * last one with an accepted report have only the planned figure. Of one region's reports only when
     * {@code regionCode} is not null.
     */
    @Transactional(readOnly = true)
    public Optional<MonthlyCurve> monthly(int fiscalYear, String regionCode) {
        return plans.current(fiscalYear).map(p -> {
            MonthlyTables tables = repository.monthlyTables(fiscalYear, regionCode);
            int last = tables.lastReportedMonth();
            List<MonthlyCurve.Point> points = new ArrayList<>();
            Consolidation.Money budget = null;
            for (int month = 1; month <= 12; month++) {
                LocalDate monthEnd = java.time.YearMonth.of(fiscalYear, month).atEndOfMonth();
                Consolidation c = calculator.consolidate(p.plan(), p.version(), tables.asOfMonth(month), monthEnd);
                budget = c.money();
                boolean reported = month <= last;
                points.add(new MonthlyCurve.Point(month, monthEnd, c.progress().plannedProgress(),
                        reported ? c.progress().physicalProgress() : null, reported ? c.money().spent() : null,
                        reported ? c.money().executionPercent() : null));
            }
            return new MonthlyCurve(fiscalYear, p.version(), budget.budget(), last, points);
        });
    }

    private LocalDate asOfOrDefault(int fiscalYear, LocalDate asOf) {
        if (asOf != null) {
            return asOf;
        }
        return repository.latestReportedPeriodEnd(fiscalYear).orElseGet(() -> {
            LocalDate today = LocalDate.now(clock);
            LocalDate first = LocalDate.of(fiscalYear, 1, 1);
            LocalDate last = LocalDate.of(fiscalYear, 12, 31);
            return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
        });
    }
}
