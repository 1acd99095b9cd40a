package org.poahub.hub.finance.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.poahub.hub.consolidation.ConsolidatedTables;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.ConsolidationCalculator;
import org.poahub.hub.consolidation.ConsolidationProperties;
import org.poahub.hub.finance.mapping.BudgetMapping;
import org.poahub.hub.review.ReviewPeriod;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.Target;

/**
 * A small plan, mapping and spend whose execution is checked by hand:
 * <pre>
 * action 01.01 (weight 60): 01.01.01 (25220: 1,000.00 | 500.00), 01.01.02 (11700: 2,000.00 | 0)  → 11-0000-004
 * action 01.02 (weight 40): 01.02.01 (25220: 300.00 | 0)                                        → not mapped
 * Columna 1 → 20-230; Columna 2 not mapped
 * spend: 01.01.01 25220 C1 400.00, 01.01.01 25220 C2 50.00, 01.01.02 25220 C1 100.00,
 *        01.02.01 25220 C1 300.00, 01.02.01 26990 C1 20.00 (no budget)
 * </pre>
 */
final class ExecutionExamples {

    static final ReviewPeriod Q2 = new ReviewPeriod(2020, "2020-T2", LocalDate.of(2020, 4, 1),
            LocalDate.of(2020, 6, 30));

    static final Plan PLAN = new Plan(2020, "41", "SENAVEX", List.of("Columna 1", "Columna 2"), List.of(
            new Objective("01", "Objetivo", List.of(
                    new Action("01.01", "=HYPERLINK(\"http://x\")", 60, List.of(
                            op("01.01.01", "Emitir certificados", "10", BudgetLine.of("25220", money("1000.00"),
                                    money("500.00"))),
                            op("01.01.02", "-Capacitar", "4", BudgetLine.of("11700", money("2000.00"),
                                    money("0.00"))))),
                    new Action("01.02", "Acción dos", 40, List.of(
                            op("01.02.01", "@Ferias", "5", BudgetLine.of("25220", money("300.00"),
                                    money("0.00")))))))));

    static final BudgetMapping MAPPING = new BudgetMapping(2020, "41", List.of("ilustrativo"),
            Map.of("01.01.01", new BudgetMapping.ProgramCategory("11", "0000", "004"),
                    "01.01.02", new BudgetMapping.ProgramCategory("11", "0000", "004")),
            Map.of("Columna 1", new BudgetMapping.FundingSource("20", "230")), Map.of());

    static final List<ExecutionCalculator.Spend> SPEND = List.of(
            spend("01.01.01", "25220", "Columna 1", "400.00"),
            spend("01.01.01", "25220", "Columna 2", "50.00"),
            spend("01.01.02", "25220", "Columna 1", "100.00"),
            spend("01.02.01", "25220", "Columna 1", "300.00"),
            spend("01.02.01", "26990", "Columna 1", "20.00"));

    static final Consolidation FIGURES = new ConsolidationCalculator(RegionCatalogue.loadDefault(),
            ObjectOfExpenditureClassifier.loadDefault(), ConsolidationProperties.DEFAULTS)
            .consolidate(PLAN, 3, new ConsolidatedTables(List.of(
                    new ProgressRow("01.01.01", "BO-L", new BigDecimal("5.0000"), null, LocalDate.of(2020, 6, 30), 2),
                    new ProgressRow("01.01.02", "BO-L", new BigDecimal("4.0000"), null, LocalDate.of(2020, 6, 30), 1)),
                    List.of()), Q2.end());

    private ExecutionExamples() {
    }

    static PeriodExecution execution() {
        return ExecutionCalculator.compute(Q2, PLAN, 3, FIGURES, MAPPING, 2, SPEND);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static ExecutionCalculator.Spend spend(String operation, String partida, String column, String amount) {
        return new ExecutionCalculator.Spend(operation, partida, column, new BigDecimal(amount));
    }

    private static Operation op(String code, String name, String target, BudgetLine line) {
        return new Operation(OperationCode.parse(code), name, "", "", Target.count(new BigDecimal(target), target),
                "", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), "", List.of(line), List.of());
    }
}
