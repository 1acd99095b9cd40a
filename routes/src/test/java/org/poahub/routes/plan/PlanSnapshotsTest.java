package org.poahub.routes.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.contract.PlanSnapshot;
import org.poahub.contract.PlanTargetKind;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.RegionalShare;
import org.poahub.plan.Target;

class PlanSnapshotsTest {

    private static Operation op(String code, Target target, List<RegionalShare> shares) {
        return new Operation(OperationCode.parse(code), "N", "R", "I", target, "M", LocalDate.of(2020, 1, 2),
                LocalDate.of(2020, 3, 31), "SENAVEX", List.of(BudgetLine.of("20000", new BigDecimal("10"), BigDecimal.ZERO)),
                shares);
    }

    private final Plan plan = new Plan(2020, "41", "SENAVEX", List.of("C1", "C2"), List.of(new Objective("04", "",
            List.of(new Action("04.01", "A", 100, List.of(
                    op("04.01.01", Target.none("PORCENTAJE DE AVANCE"), List.of()),
                    op("04.01.02", Target.percentage(new BigDecimal("100"), "100%"),
                            List.of(new RegionalShare("BO-L", new BigDecimal("60"), new BigDecimal("55.5")),
                                    new RegionalShare("BO-S", new BigDecimal("40"), new BigDecimal("44.5"))))))))));

    @Test
    void oneSnapshotPerRegionWithWhatItCarries() {
        List<PlanSnapshot> snapshots = PlanSnapshots.perRegion(plan, 3, RegionCatalogue.loadDefault(),
                ObjectOfExpenditureClassifier.loadDefault(), Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(snapshots).hasSize(9);
        PlanSnapshot lapaz = snapshots.stream().filter(s -> s.getRegionCode().equals("BO-L")).findFirst().orElseThrow();
        assertThat(lapaz.getPlanVersion()).isEqualTo(3);
        assertThat(lapaz.getOperations()).hasSize(2);
        var shared = lapaz.getOperations().get(1);
        assertThat(shared.getTargetKind()).isEqualTo(PlanTargetKind.PERCENTAGE);
        assertThat(shared.getTargetValue()).isEqualTo(new BigDecimal("100.0000"));
        assertThat(shared.getRegionalShare().getBudgetSharePercent()).isEqualTo(new BigDecimal("55.5000"));
        assertThat(shared.getBudgetLines().get(0).getAmounts()).containsExactly(new BigDecimal("10.00"), new BigDecimal("0.00"));
        assertThat(lapaz.getOperations().get(0).getRegionalShare()).isNull();
        assertThat(lapaz.getOperations().get(0).getTargetValue()).isNull();
        assertThat(lapaz.getExpenditureGroups()).hasSize(9);

        PlanSnapshot tarija = snapshots.stream().filter(s -> s.getRegionCode().equals("BO-T")).findFirst().orElseThrow();
        assertThat(tarija.getOperations()).extracting(o -> o.getCode()).containsExactly("04.01.01");
        assertThat(tarija.getActions()).hasSize(1);
    }
}
