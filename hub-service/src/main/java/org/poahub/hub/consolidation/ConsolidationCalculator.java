package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.poahub.hub.consolidation.Consolidation.ActionFigures;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;
import org.poahub.hub.consolidation.Consolidation.Money;
import org.poahub.hub.consolidation.Consolidation.ObjectiveFigures;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.Consolidation.Progress;
import org.poahub.hub.consolidation.Consolidation.RegionExpenditure;
import org.poahub.hub.consolidation.Consolidation.RegionFigures;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.TargetKind;

/**
 * Rolls the consolidated tables up through the plan as of a date (docs/consolidation.md, "Rollups"): operation ×
 * region → operation → action (mean of its operations) → objective (actions weighted by ponderación) → entity (plain
 * mean of the objectives). Each level is computed from the rounded figures of the level below. Rows of operations
 * that are not in the plan version given (dropped by a reformulation) are left out.
 */
public final class ConsolidationCalculator {

    private final RegionCatalogue regions;
    private final ObjectOfExpenditureClassifier classifier;
    private final ConsolidationProperties settings;

    public ConsolidationCalculator(RegionCatalogue regions, ObjectOfExpenditureClassifier classifier,
                                   ConsolidationProperties settings) {
        this.regions = regions;
        this.classifier = classifier;
        this.settings = settings;
    }

    public Consolidation consolidate(Plan plan, int planVersion, ConsolidatedTables tables, LocalDate asOf) {
        Map<String, List<ProgressRow>> progressByOp = tables.progress().stream()
                .collect(Collectors.groupingBy(ProgressRow::operationCode));
        Map<String, List<SpendRow>> spendByOp = tables.spend().stream()
                .collect(Collectors.groupingBy(SpendRow::operationCode));
        AlertRules alerts = new AlertRules(settings, asOf);

        List<ObjectiveFigures> objectives = new ArrayList<>();
        for (Objective objective : plan.objectives()) {
            List<ActionFigures> actions = new ArrayList<>();
            for (Action action : objective.actions()) {
                List<OperationFigures> operations = new ArrayList<>();
                for (Operation op : action.operations()) {
                    String code = op.code().value();
                    OperationFigures figures = operation(plan, op, progressByOp.getOrDefault(code, List.of()),
                            spendByOp.getOrDefault(code, List.of()), asOf);
                    operations.add(figures);
                    alerts.check(figures, !progressByOp.containsKey(code));
                }
                actions.add(action(action, operations));
            }
            objectives.add(objective(objective, actions));
        }
        Progress entity = progress(ProgressMath.mean(objectives.stream().map(o -> o.progress().physicalProgress()).toList()),
                ProgressMath.mean(objectives.stream().map(o -> o.progress().plannedProgress()).toList()));
        Money money = sum(objectives.stream().map(ObjectiveFigures::money).toList());
        List<OperationFigures> all = objectives.stream().flatMap(o -> o.actions().stream())
                .flatMap(a -> a.operations().stream()).toList();
        return new Consolidation(plan.fiscalYear(), planVersion, plan.entityCode(), plan.entityAcronym(), asOf, entity,
                money, objectives, mergeLines(all.stream().flatMap(op -> op.expenditure().stream()).toList()),
                regionalExpenditure(all, tables.spend()), alerts.alerts());
    }

    // ---- operation ---------------------------------------------------------------------------------------------

    private OperationFigures operation(Plan plan, Operation op, List<ProgressRow> progressRows,
                                       List<SpendRow> spendRows, LocalDate asOf) {
        Map<String, RegionFigures> byRegion = new LinkedHashMap<>();
        for (RegionCatalogue.Region region : regions.regions()) {
            String r = region.code();
            ProgressRow p = progressRows.stream().filter(x -> x.regionCode().equals(r)).findFirst().orElse(null);
            List<SpendRow> s = spendRows.stream().filter(x -> x.regionCode().equals(r)).toList();
            if (p != null || !s.isEmpty()) {
                byRegion.put(r, region(op, r, region.name(), p, s));
            }
        }
        // regions missing from the catalogue (it was edited after they reported) still count
        progressRows.stream().map(ProgressRow::regionCode).filter(r -> !byRegion.containsKey(r)).distinct()
                .forEach(r -> byRegion.put(r, region(op, r, null,
                        progressRows.stream().filter(x -> x.regionCode().equals(r)).findFirst().orElseThrow(),
                        spendRows.stream().filter(x -> x.regionCode().equals(r)).toList())));
        spendRows.stream().map(SpendRow::regionCode).filter(r -> !byRegion.containsKey(r)).distinct()
                .forEach(r -> byRegion.put(r, region(op, r, null, null,
                        spendRows.stream().filter(x -> x.regionCode().equals(r)).toList())));

        BigDecimal cumulative = null;
        BigDecimal physical;
        boolean counted = op.target().kind() == TargetKind.COUNT && op.target().value().signum() > 0;
        if (counted) {
            cumulative = progressRows.stream().map(ProgressRow::cumulativeValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            physical = ProgressMath.percent(cumulative, op.target().value());
        } else {
            physical = ProgressMath.mean(byRegion.values().stream().map(RegionFigures::physicalProgress)
                    .filter(java.util.Objects::nonNull).toList());
        }
        List<ExpenditureLine> lines = operationLines(plan, op, spendRows);
        BigDecimal spent = spendRows.stream().map(SpendRow::spent).reduce(ProgressMath.ZERO, BigDecimal::add);
        return new OperationFigures(op.code().value(), op.name(), op.indicator(), op.target().value(),
                op.target().kind().name(), op.start(), op.end(), cumulative,
                progress(physical, ProgressMath.plannedPercent(op.start(), op.end(), asOf)),
                money(op.total(), spent), List.copyOf(byRegion.values()), lines);
    }

    private static RegionFigures region(Operation op, String code, String name, ProgressRow p, List<SpendRow> spend) {
        BigDecimal spent = spend.stream().map(SpendRow::spent).reduce(ProgressMath.ZERO, BigDecimal::add);
        if (p == null) {
            return new RegionFigures(code, name, null, null, null, 0, spent);
        }
        return new RegionFigures(code, name, p.cumulativeValue(),
                ProgressMath.achievedPercent(op, code, p.cumulativeValue(), p.percentComplete()), p.lastPeriodEnd(),
                p.reports(), spent);
    }

    /** Budget per object group and funding column (lines with a positive amount) joined with the spend rows. */
    private List<ExpenditureLine> operationLines(Plan plan, Operation op, List<SpendRow> spendRows) {
        Map<List<String>, BigDecimal[]> lines = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (BudgetLine line : op.budgetLines()) {
            for (int c = 0; c < plan.fundingColumns().size(); c++) {
                if (line.amount(c).signum() > 0) {
                    BigDecimal[] pair = lines.computeIfAbsent(List.of(line.groupCode(), plan.fundingColumns().get(c)),
                            k -> new BigDecimal[] {ProgressMath.ZERO, ProgressMath.ZERO});
                    pair[0] = pair[0].add(line.amount(c));
                }
            }
        }
        for (SpendRow row : spendRows) {
            BigDecimal[] pair = lines.computeIfAbsent(List.of(row.objectGroup(), row.fundingSource()),
                    k -> new BigDecimal[] {ProgressMath.ZERO, ProgressMath.ZERO});
            pair[1] = pair[1].add(row.spent());
        }
        return lines.entrySet().stream().map(e -> line(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
                e.getValue()[1])).toList();
    }

    private ExpenditureLine line(String group, String fundingSource, BigDecimal budget, BigDecimal spent) {
        String name = classifier.groupOf(group).map(ObjectOfExpenditureClassifier.Group::name).orElse(null);
        return new ExpenditureLine(group, name, fundingSource, budget, spent,
                budget == null ? null : ProgressMath.percent(spent, budget));
    }

    private List<ExpenditureLine> mergeLines(List<ExpenditureLine> lines) {
        Map<List<String>, BigDecimal[]> merged = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (ExpenditureLine l : lines) {
            BigDecimal[] pair = merged.computeIfAbsent(List.of(l.objectGroup(), l.fundingSource()),
                    k -> new BigDecimal[] {ProgressMath.ZERO, ProgressMath.ZERO});
            pair[0] = pair[0].add(l.budget());
            pair[1] = pair[1].add(l.spent());
        }
        return merged.entrySet().stream().map(e -> line(e.getKey().get(0), e.getKey().get(1), e.getValue()[0],
                e.getValue()[1])).toList();
    }

    /** Spend per region, group and funding column; the plan does not split a national budget, so no budget here. */
    private List<RegionExpenditure> regionalExpenditure(List<OperationFigures> operations, List<SpendRow> spend) {
        java.util.Set<String> planned = operations.stream().map(OperationFigures::code)
                .collect(Collectors.toUnmodifiableSet());
        Map<String, List<SpendRow>> byRegion = spend.stream().filter(r -> planned.contains(r.operationCode()))
                .collect(Collectors.groupingBy(SpendRow::regionCode, TreeMap::new, Collectors.toList()));
        List<RegionExpenditure> result = new ArrayList<>();
        byRegion.forEach((region, rows) -> {
            Map<List<String>, BigDecimal> sums = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                    .thenComparing(k -> k.get(1)));
            rows.forEach(r -> sums.merge(List.of(r.objectGroup(), r.fundingSource()), r.spent(), BigDecimal::add));
            List<ExpenditureLine> lines = sums.entrySet().stream()
                    .map(e -> line(e.getKey().get(0), e.getKey().get(1), null, e.getValue())).toList();
            result.add(new RegionExpenditure(region,
                    regions.region(region).map(RegionCatalogue.Region::name).orElse(null),
                    lines.stream().map(ExpenditureLine::spent).reduce(ProgressMath.ZERO, BigDecimal::add), lines));
        });
        return result;
    }

    // ---- action, objective ---------------------------------------------------------------------------------------

    /** Mean of the operations (the plan gives operations no weights); an operation counts at most 100 %. */
    private ActionFigures action(Action action, List<OperationFigures> operations) {
        Progress progress = progress(
                ProgressMath.mean(operations.stream().map(o -> ProgressMath.capAt100(o.progress().physicalProgress())).toList()),
                ProgressMath.mean(operations.stream().map(o -> o.progress().plannedProgress()).toList()));
        return new ActionFigures(action.code(), action.name(), action.weight(), progress,
                sum(operations.stream().map(OperationFigures::money).toList()), operations);
    }

    /** Actions weighted by their ponderación; a plain mean if the weights add up to 0. */
    private ObjectiveFigures objective(Objective objective, List<ActionFigures> actions) {
        int weights = actions.stream().mapToInt(ActionFigures::weight).sum();
        Progress progress;
        if (weights == 0) {
            progress = progress(ProgressMath.mean(actions.stream().map(a -> a.progress().physicalProgress()).toList()),
                    ProgressMath.mean(actions.stream().map(a -> a.progress().plannedProgress()).toList()));
        } else {
            progress = progress(weighted(actions, weights, a -> a.progress().physicalProgress()),
                    weighted(actions, weights, a -> a.progress().plannedProgress()));
        }
        return new ObjectiveFigures(objective.code(), objective.name(), progress,
                sum(actions.stream().map(ActionFigures::money).toList()), actions);
    }

    private static BigDecimal weighted(List<ActionFigures> actions, int weights,
                                       java.util.function.Function<ActionFigures, BigDecimal> value) {
        return actions.stream().map(a -> value.apply(a).multiply(BigDecimal.valueOf(a.weight())))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Progress progress(BigDecimal physical, BigDecimal planned) {
        BigDecimal variance = physical.subtract(planned);
        ProgressStatus status = settings.status(variance);
        return new Progress(physical, planned, variance, status, status.label());
    }

    private static Money money(BigDecimal budget, BigDecimal spent) {
        return new Money(budget, spent, ProgressMath.percent(spent, budget));
    }

    private static Money sum(List<Money> parts) {
        return money(parts.stream().map(Money::budget).reduce(ProgressMath.ZERO, BigDecimal::add),
                parts.stream().map(Money::spent).reduce(ProgressMath.ZERO, BigDecimal::add));
    }
}
