package org.poahub.hub.finance.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.ProgressMath;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.review.ReviewPeriod;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;

/**
 * Computes a period's {@link PeriodExecution}, the one computation behind the export's API, files and Avro record:
 * <ul>
 * <li>physical progress from the consolidation as of the period's last day (the figures a period approval freezes),
 * per operation and per action, and the entity's weighted by ponderación;</li>
 * <li>budget from the plan's budget lines, spend from the accepted regional expenditure up to the period's last day,
 * per operation and action, and per categoría programática × partida × fuente-organismo through the budget mapping
 * (an operation or funding column the mapping does not list keeps "" / its column title).</li>
 * </ul>
 */
final class ExecutionCalculator {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** Accepted regional spend of one operation on one partida from one funding column. */
    record Spend(String operationCode, String partida, String fundingColumn, BigDecimal amount) {
    }

    private ExecutionCalculator() {
    }

    /**
     * @param mapping        the mapping in force, or null
     * @param mappingVersion its version, or null
     */
    static PeriodExecution compute(ReviewPeriod period, Plan plan, int planVersion, Consolidation figures,
            BudgetMapping mapping, Integer mappingVersion, List<Spend> spend) {
        Map<String, BigDecimal> spentByOperation = new TreeMap<>();
        Map<LineKey, BigDecimal[]> lines = new TreeMap<>(LineKey.ORDER);
        Map<String, String> categoryOf = new TreeMap<>();
        for (Objective objective : plan.objectives()) {
            for (Action action : objective.actions()) {
                for (Operation operation : action.operations()) {
                    String code = operation.code().value();
                    categoryOf.put(code, category(mapping, code));
                    for (BudgetLine line : operation.budgetLines()) {
                        for (int c = 0; c < plan.fundingColumns().size(); c++) {
                            BigDecimal amount = line.amount(c);
                            if (amount.signum() != 0) {
                                add(lines, new LineKey(categoryOf.get(code), line.objectCode(),
                                        source(mapping, plan.fundingColumns().get(c))), 0, amount);
                            }
                        }
                    }
                }
            }
        }
        BigDecimal spentTotal = ZERO;
        for (Spend s : spend) {
            BigDecimal amount = s.amount().setScale(2);
            spentByOperation.merge(s.operationCode(), amount, BigDecimal::add);
            spentTotal = spentTotal.add(amount);
            add(lines, new LineKey(categoryOf.getOrDefault(s.operationCode(), category(mapping, s.operationCode())),
                    s.partida(), source(mapping, s.fundingColumn())), 1, amount);
        }

        List<PeriodExecution.ActionLine> actions = new ArrayList<>();
        List<PeriodExecution.OperationLine> operations = new ArrayList<>();
        for (Objective objective : plan.objectives()) {
            for (Action action : objective.actions()) {
                BigDecimal actionBudget = ZERO;
                BigDecimal actionSpent = ZERO;
                for (Operation operation : action.operations()) {
                    String code = operation.code().value();
                    Consolidation.Progress progress = figures.operation(code).map(Consolidation.OperationFigures::progress)
                            .orElse(null);
                    BigDecimal spent = spentByOperation.getOrDefault(code, ZERO);
                    operations.add(new PeriodExecution.OperationLine(code, operation.name(), action.code(),
                            categoryOf.get(code), physical(progress), planned(progress), operation.total(), spent));
                    actionBudget = actionBudget.add(operation.total());
                    actionSpent = actionSpent.add(spent);
                }
                Consolidation.Progress progress = figures.objective(objective.code()).flatMap(o -> o.actions()
                        .stream().filter(a -> a.code().equals(action.code())).findFirst())
                        .map(Consolidation.ActionFigures::progress).orElse(null);
                actions.add(new PeriodExecution.ActionLine(action.code(), action.name(), action.weight(),
                        physical(progress), planned(progress), actionBudget, actionSpent));
            }
        }
        List<PeriodExecution.Line> budgetLines = new ArrayList<>();
        lines.forEach((key, amounts) -> budgetLines.add(new PeriodExecution.Line(key.category(), key.partida(),
                key.source(), amounts[0], amounts[1], ProgressMath.percent(amounts[1], amounts[0]))));
        return new PeriodExecution(plan.entityCode(), plan.entityAcronym(), period.fiscalYear(), period.key(),
                period.start(), period.end(), planVersion, mappingVersion,
                figures.progress().physicalProgress().setScale(2), plan.grandTotal(), spentTotal, actions, operations,
                budgetLines);
    }

    private static BigDecimal physical(Consolidation.Progress progress) {
        return progress == null ? ZERO : progress.physicalProgress().setScale(2);
    }

    private static BigDecimal planned(Consolidation.Progress progress) {
        return progress == null ? ZERO : progress.plannedProgress().setScale(2);
    }

    private static String category(BudgetMapping mapping, String operationCode) {
        if (mapping == null) {
            return "";
        }
        BudgetMapping.ProgramCategory category = mapping.operations().get(operationCode);
        return category == null ? "" : category.text();
    }

    private static String source(BudgetMapping mapping, String fundingColumn) {
        BudgetMapping.FundingSource source = mapping == null ? null : mapping.funding().get(fundingColumn);
        return source == null ? fundingColumn : source.text();
    }

    private static void add(Map<LineKey, BigDecimal[]> lines, LineKey key, int which, BigDecimal amount) {
        BigDecimal[] amounts = lines.computeIfAbsent(key, k -> new BigDecimal[] {ZERO, ZERO});
        amounts[which] = amounts[which].add(amount);
    }

    private record LineKey(String category, String partida, String source) {
        static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::category)
                .thenComparing(LineKey::partida).thenComparing(LineKey::source);
    }
}
