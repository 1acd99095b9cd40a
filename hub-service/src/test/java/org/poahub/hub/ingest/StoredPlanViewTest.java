package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.PlanSource.VersionedPlan;
import org.poahub.hub.consolidation.SenavexPlan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

class StoredPlanViewTest {

    private final AtomicReference<Optional<VersionedPlan>> current =
            new AtomicReference<>(Optional.of(new VersionedPlan(1, SenavexPlan.PLAN)));
    private final StoredPlanView view = new StoredPlanView(year -> year == 2020 ? current.get() : Optional.empty(),
            RegionCatalogue.loadDefault());

    @Test
    void operationsComeFromTheCurrentPlanWithTheirPositiveBudgetLines() {
        PlannedOperation op = view.operation(2020, "11.04.02").orElseThrow();

        assertThat(op.fiscalYear()).isEqualTo(2020);
        assertThat(op.budgetLines()).allSatisfy(l -> assertThat(l.amount()).isPositive());
        assertThat(op.budgetLines().stream().map(PlannedBudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(SenavexPlan.PLAN.operation("11.04.02").orElseThrow().budgetLines().stream()
                        .flatMap(l -> l.amounts().stream()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(view.operation(2020, "99.99.99")).isEmpty();
        assertThat(view.operation(2031, "11.04.02")).isEmpty();
    }

    @Test
    void aNewCurrentVersionIsConvertedAgainAndTheOldOneIsNoLongerUsed() {
        PlannedOperation before = view.operation(2020, "11.04.02").orElseThrow();
        assertThat(view.operation(2020, "11.04.02").orElseThrow()).as("same version: converted once").isSameAs(before);

        current.set(Optional.of(new VersionedPlan(2, SenavexPlan.PLAN)));

        assertThat(view.operation(2020, "11.04.02").orElseThrow()).isNotSameAs(before).isEqualTo(before);
        current.set(Optional.empty());
        assertThat(view.operation(2020, "11.04.02")).as("the year's plan is gone").isEmpty();
    }

    @Test
    void regionsComeFromTheConfiguredCatalogue() {
        assertThat(view.isKnownRegion("BO-L")).isTrue();
        assertThat(view.isKnownRegion("BO-X")).isFalse();
    }
}
