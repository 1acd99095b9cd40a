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
    private final List<AlertSource> alertSources;

    ConsolidationService(PlanSource plans, ConsolidationRepository repository, ConsolidationCalculator calculator,
                         RegionCatalogue regions, Clock clock, List<AlertSource> alertSources) {
        this.plans = plans;
        this.repository = repository;
        this.calculator = calculator;
        this.regions = regions;
        this.clock = clock;
        this.alertSources = List.copyOf(alertSources);
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
                withOtherAlerts(calculator.consolidate(p.plan(), p.version(), repository.tables(fiscalYear, regionCode),
                        asOfOrDefault(fiscalYear, asOf)), regionCode),
                repository.reportCounts(fiscalYear, regionCode)));
    }

    /**
     * The national figures at the end of a fiscal quarter (1 … 4) from the tables as they stood then: the S-curve's
     * point of the quarter's last month ({@link #monthly}), with the whole drill-down. Alerts are those of
     * {@link AlertRules} only. Empty when the year has no plan.
     */
    @Transactional(readOnly = true)
    public Optional<Consolidation> atQuarterEnd(int fiscalYear, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, not " + quarter);
        }
        int month = quarter * 3;
        return plans.current(fiscalYear).map(p -> calculator.consolidate(p.plan(), p.version(),
                repository.monthlyTables(fiscalYear, null).asOfMonth(month),
                java.time.YearMonth.of(fiscalYear, month).atEndOfMonth()));
    }

    private Consolidation withOtherAlerts(Consolidation c, String regionCode) {
        if (alertSources.isEmpty()) {
            return c;
        }
        List<Consolidation.Alert> alerts = new ArrayList<>(c.alerts());
        alertSources.forEach(source -> alerts.addAll(source.alerts(c.fiscalYear(), c.asOf(), regionCode)));
        return new Consolidation(c.fiscalYear(), c.planVersion(), c.entityCode(), c.entityAcronym(), c.asOf(),
                c.progress(), c.money(), c.objectives(), c.expenditure(), c.regionalExpenditure(), List.copyOf(alerts));
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
