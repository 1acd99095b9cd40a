package org.poahub.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.agent.plan.BundledPlan;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

class PlanCacheTest {

    @TempDir
    Path dir;

    PlannedOperation operation(int year, String code) {
        return new PlannedOperation(code, year, LocalDate.of(year, 1, 2), LocalDate.of(year, 12, 31),
                List.of(new PlannedBudgetLine("25220", "Columna 2", new BigDecimal("1250.50")),
                        new PlannedBudgetLine("20000", null, new BigDecimal("10.00"))));
    }

    @Test
    void theBundledPlanHasTheSenavexOperationsAndBudget() {
        try (StoreDatabase db = StoreDatabase.open(dir.resolve("agente.db"))) {
            PlanCache plan = new PlanCache(db, new StatusStore(db));
            assertThat(plan.hasPlan(2020)).isFalse();
            plan.replacePlan(2020, BundledPlan.operations(), "incluido-senavex-2020");
            assertThat(plan.planOperations(2020)).hasSize(46);
            BigDecimal total = plan.planOperations(2020).stream().flatMap(o -> o.budgetLines().stream())
                    .map(PlannedBudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(total).isEqualByComparingTo("11320195.00");
        }
    }

    @Test
    void aNewPlanReplacesOnlyItsYearAndIsReadBackFromDisk() {
        try (StoreDatabase db = StoreDatabase.open(dir.resolve("agente.db"))) {
            PlanCache plan = new PlanCache(db, new StatusStore(db));
            plan.replacePlan(2020, List.of(operation(2020, "01.01.01"), operation(2020, "01.01.02")), "v1");
            plan.replacePlan(2021, List.of(operation(2021, "01.01.01")), "v1");
            plan.replacePlan(2020, List.of(operation(2020, "02.01.01")), "servidor-v2");
        }
        try (StoreDatabase db = StoreDatabase.open(dir.resolve("agente.db"))) {
            StatusStore status = new StatusStore(db);
            PlanCache plan = new PlanCache(db, status);
            assertThat(plan.planOperations(2020)).extracting(PlannedOperation::code).containsExactly("02.01.01");
            assertThat(plan.operation(2021, "01.01.01")).contains(new PlannedOperation("01.01.01", 2021,
                    LocalDate.of(2021, 1, 2), LocalDate.of(2021, 12, 31), List.of(
                            new PlannedBudgetLine("25220", "Columna 2", new BigDecimal("1250.50")),
                            new PlannedBudgetLine("20000", "", new BigDecimal("10.00")))));
            assertThat(plan.operation(2020, "01.01.01")).isEmpty();
            assertThat(status.get(StatusStore.planVersionKey(2020))).contains("servidor-v2");
            assertThat(plan.isKnownRegion("BO-L")).isTrue();
            assertThat(plan.isKnownRegion("XX-Y")).isFalse();
        }
    }
}
