package org.poahub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static Operation op(String code, List<BudgetLine> lines, List<RegionalShare> shares) {
        return new Operation(OperationCode.parse(code), "N " + code, "R", "I", Target.none("PORCENTAJE DE AVANCE"),
                "M", LocalDate.of(2020, 1, 2), LocalDate.of(2020, 12, 31), "SENAVEX", lines, shares);
    }

    private static BudgetLine line(String code, String a, String b) {
        return BudgetLine.of(code, new BigDecimal(a), new BigDecimal(b));
    }

    private final Plan plan = new Plan(2020, "41", "SENAVEX", List.of("C1", "C2"), List.of(
            new Objective("04", null, List.of(new Action("04.01", "A", 100, List.of(
                    op("04.01.01", List.of(), List.of()),
                    op("04.01.02", List.of(line("20000", "12000", "0")), List.of()))))),
            new Objective("11", "", List.of(
                    new Action("11.04", "B", 30, List.of(op("11.04.02",
                            List.of(line("10000", "100.50", "1"), line("25220", "10", "0")),
                            List.of(new RegionalShare("BO-L", BigDecimal.TEN, BigDecimal.TEN))))),
                    new Action("11.05", "C", 70, List.of())))));

    @Test
    void findsOperationsByCode() {
        assertThat(plan.operations()).hasSize(3);
        assertThat(plan.operation("11.04.02.")).map(Operation::name).contains("N 11.04.02");
        assertThat(plan.operation("99.99.99")).isEmpty();
        assertThat(plan.action("11.05")).map(Action::weight).contains(70);
        assertThat(plan.objective("11").orElseThrow().weightSum()).isEqualTo(100);
    }

    @Test
    void sumsByColumnActionObjectiveAndGroup() {
        assertThat(plan.totalsByFundingColumn()).containsExactly(new BigDecimal("12110.50"), new BigDecimal("1.00"));
        assertThat(plan.grandTotal()).isEqualTo(new BigDecimal("12111.50"));
        assertThat(plan.totalsByAction().get("11.04")).containsExactly(new BigDecimal("110.50"), new BigDecimal("1.00"));
        assertThat(plan.totalsByAction().get("11.05")).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
        assertThat(plan.totalsByObjective().get("04")).containsExactly(new BigDecimal("12000.00"), new BigDecimal("0.00"));
        assertThat(plan.totalsByExpenditureGroup().keySet()).containsExactly("10000", "20000");
        assertThat(plan.totalsByExpenditureGroup().get("20000"))
                .containsExactly(new BigDecimal("12010.00"), new BigDecimal("0.00"));
    }

    @Test
    void nationalOperationsAreCarriedByEveryRegion() {
        assertThat(plan.operationsCarriedBy("BO-L")).hasSize(3);
        assertThat(plan.operationsCarriedBy("BO-S")).extracting(o -> o.code().value())
                .containsExactly("04.01.01", "04.01.02");
    }

    @Test
    void rejectsInconsistentStructure() {
        assertThatThrownBy(() -> new Action("04.02", "X", 50, List.of(op("04.01.01", List.of(), List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plan(2020, "41", "S", List.of("C1"), List.of(new Objective("04", "",
                List.of(new Action("04.01", "A", 100, List.of(op("04.01.01", List.of(line("20000", "1", "0")),
                        List.of())))))))).hasMessageContaining("funding columns");
        assertThatThrownBy(() -> BudgetLine.of("20000", new BigDecimal("-1"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> BudgetLine.of("20000", new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }
}
