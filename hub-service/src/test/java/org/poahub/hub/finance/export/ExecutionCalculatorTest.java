package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poahub.hub.finance.export.ExecutionExamples.FIGURES;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.Consolidation;

class ExecutionCalculatorTest {

    private final PeriodExecution execution = ExecutionExamples.execution();

    @Test
    void financialExecutionPerCategoryPartidaAndSourceThroughTheMapping() {
        assertThat(execution.lines()).extracting(l -> l.category() + "|" + l.partida() + "|" + l.source() + "|"
                        + l.budget() + "|" + l.spent() + "|" + l.executionPercent())
                .containsExactly(
                        // 01.02.01 is not mapped: no category
                        "|25220|20-230|300.00|300.00|100.00",
                        "|26990|20-230|0.00|20.00|null",
                        "11-0000-004|11700|20-230|2000.00|0.00|0.00",
                        // 01.01.01 and 01.01.02 share the category: 400.00 + 100.00 against 1,000.00
                        "11-0000-004|25220|20-230|1000.00|500.00|50.00",
                        // Columna 2 is not mapped: its title stands for the source
                        "11-0000-004|25220|Columna 2|500.00|50.00|10.00");
    }

    @Test
    void totalsAddUpFromTheLines() {
        assertThat(execution.budget()).isEqualByComparingTo("3800.00");
        assertThat(execution.spent()).isEqualByComparingTo("870.00");
        assertThat(execution.lines().stream().map(PeriodExecution.Line::spent).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo(execution.spent());
        assertThat(execution.lines().stream().map(PeriodExecution.Line::budget).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo(execution.budget());
    }

    @Test
    void operationsAndActionsCarryTheirSpendBudgetAndCategory() {
        assertThat(execution.operations()).extracting(o -> o.code() + "|" + o.actionCode() + "|" + o.category()
                        + "|" + o.budget() + "|" + o.spent())
                .containsExactly("01.01.01|01.01|11-0000-004|1500.00|450.00",
                        "01.01.02|01.01|11-0000-004|2000.00|100.00",
                        "01.02.01|01.02||300.00|320.00");
        assertThat(execution.actions()).extracting(a -> a.code() + "|" + a.weight() + "|" + a.budget() + "|"
                        + a.spent())
                .containsExactly("01.01|60|3500.00|550.00", "01.02|40|300.00|320.00");
    }

    @Test
    void physicalProgressIsTheConsolidationsAsOfThePeriodsLastDay() {
        for (PeriodExecution.OperationLine op : execution.operations()) {
            Consolidation.Progress progress = FIGURES.operation(op.code()).orElseThrow().progress();
            assertThat(op.physicalProgress()).as(op.code()).isEqualByComparingTo(progress.physicalProgress());
            assertThat(op.plannedProgress()).as(op.code()).isEqualByComparingTo(progress.plannedProgress());
        }
        assertThat(execution.operations().get(0).physicalProgress()).isEqualByComparingTo("50.00"); // 5 of 10
        assertThat(execution.operations().get(1).physicalProgress()).isEqualByComparingTo("100.00"); // 4 of 4
        List<Consolidation.ActionFigures> actions = FIGURES.objective("01").orElseThrow().actions();
        assertThat(execution.actions().get(0).physicalProgress())
                .isEqualByComparingTo(actions.get(0).progress().physicalProgress()).isEqualByComparingTo("75.00");
        assertThat(execution.physicalProgress()).isEqualByComparingTo(FIGURES.progress().physicalProgress());
        assertThat(execution.period()).isEqualTo("2020-T2");
        assertThat(execution.planVersion()).isEqualTo(3);
        assertThat(execution.mappingVersion()).isEqualTo(2);
    }

    @Test
    void withoutAMappingEveryLineKeepsTheFundingColumnAndNoCategory() {
        PeriodExecution unmapped = ExecutionCalculator.compute(ExecutionExamples.Q2, ExecutionExamples.PLAN, 3,
                FIGURES, null, null, ExecutionExamples.SPEND);

        assertThat(unmapped.mappingVersion()).isNull();
        assertThat(unmapped.lines()).allSatisfy(l -> assertThat(l.category()).isEmpty());
        assertThat(unmapped.lines()).extracting(l -> l.partida() + "|" + l.source() + "|" + l.budget() + "|"
                + l.spent()).containsExactly("11700|Columna 1|2000.00|0.00", "25220|Columna 1|1300.00|800.00",
                "25220|Columna 2|500.00|50.00", "26990|Columna 1|0.00|20.00");
    }
}
