package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlannedBudgetLine;

/**
 * Computes what ingest attaches to an accepted report (docs/consolidation.md, "Enrichment"). Plain code: the plan
 * comes from a {@link PlanSource} and the national spend on a budget line from the caller's transaction.
 */
public final class ReportEnricher {

    /** Each plan version's operations with their action, so a report is enriched without walking the plan. */
    private final PerPlanVersion<Map<String, Context>> contexts;
    private final RegionCatalogue regions;

    public ReportEnricher(PlanSource plans, RegionCatalogue regions) {
        this.contexts = new PerPlanVersion<>(plans, ReportEnricher::index);
        this.regions = regions;
    }

    /** Empty when the year has no stored plan or the operation is not in its newest version. */
    public Optional<ReportEnrichment> enrich(ProgressReport report) {
        return context(report.getFiscalYear(), report.getOperationCode()).map(c -> {
            LocalDate date = report.getPeriodEnd();
            BigDecimal achieved = ProgressMath.achievedPercent(c.operation(), report.getRegionCode(),
                    report.getAchievedValue(), report.getPercentComplete());
            BigDecimal planned = ProgressMath.plannedPercent(c.operation().start(), c.operation().end(), date);
            return c.enrichment(regionName(report.getRegionCode()), date, achieved, planned, achieved.subtract(planned),
                    null, null);
        });
    }

    /**
     * @param cumulativeSpend the national spend on a budget line, this report included
     */
    public Optional<ReportEnrichment> enrich(ExpenditureReport report,
                                             Function<PlannedBudgetLine, BigDecimal> cumulativeSpend) {
        return context(report.getFiscalYear(), report.getOperationCode()).map(c -> {
            Optional<PlannedBudgetLine> line = chargedLine(c.plan(), c.operation(), report.getObjectCode(),
                    report.getFundingSource());
            BigDecimal spent = line.map(cumulativeSpend).orElse(null);
            return c.enrichment(regionName(report.getRegionCode()), report.getSpentOn(), null, null, null,
                    line.orElse(null), spent);
        });
    }

    /**
     * The budget line an expense is charged to: among the operation's lines with a positive amount in the expense's
     * funding column, the most specific one covering its object code ({@code 25220} before {@code 25000} before
     * {@code 20000}).
     */
    static Optional<PlannedBudgetLine> chargedLine(Plan plan, Operation operation, String objectCode,
                                                   String fundingSource) {
        int column = plan.fundingColumns().indexOf(fundingSource);
        if (column < 0) {
            return Optional.empty();
        }
        return operation.budgetLines().stream()
                .filter(l -> l.amount(column).signum() > 0)
                .map(l -> new PlannedBudgetLine(l.objectCode(), fundingSource, l.amount(column)))
                .filter(l -> l.covers(objectCode, fundingSource))
                .max(Comparator.comparingInt(l -> significantDigits(l.objectCode())));
    }

    /** {@code 25220} → 4, {@code 25000} → 2 (trailing zeros do not count). */
    private static int significantDigits(String objectCode) {
        int length = objectCode.length();
        while (length > 0 && objectCode.charAt(length - 1) == '0') {
            length--;
        }
        return length;
    }

    private String regionName(String regionCode) {
        return regions.region(regionCode).map(RegionCatalogue.Region::name).orElse(null);
    }

    private Optional<Context> context(int fiscalYear, String operationCode) {
        return contexts.current(fiscalYear)
                .flatMap(byCode -> OperationCode.tryParse(operationCode).map(code -> byCode.get(code.value())));
    }

    private static Map<String, Context> index(PlanSource.VersionedPlan v) {
        Map<String, Context> byOperation = new HashMap<>();
        for (Action action : v.plan().actions()) {
            for (Operation op : action.operations()) {
                byOperation.put(op.code().value(), new Context(v.version(), v.plan(), action, op));
            }
        }
        return Map.copyOf(byOperation);
    }

    private record Context(int version, Plan plan, Action action, Operation operation) {

        ReportEnrichment enrichment(String regionName, LocalDate date, BigDecimal achieved, BigDecimal planned,
                                    BigDecimal variance, PlannedBudgetLine line, BigDecimal spent) {
            return new ReportEnrichment(version, action.objectiveCode(), action.code(), action.weight(),
                    operation.target().value(), operation.target().kind().name(), operation.start(), operation.end(),
                    regionName, date, date.getMonthValue(), ProgressMath.fiscalQuarter(date), achieved, planned,
                    variance,
                    line == null ? null : line.objectCode(), line == null ? null : line.fundingSource(),
                    line == null ? null : BudgetLine.money(line.amount()), spent,
                    line == null || spent == null ? null : ProgressMath.percent(spent, line.amount()));
        }
    }
}
