package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.RegionalShare;
import org.poahub.plan.Target;

class ProgressMathTest {

    private static final LocalDate START = LocalDate.of(2020, 1, 20);
    private static final LocalDate END = LocalDate.of(2020, 11, 30);

    @Test
    void plannedProgressIsZeroBeforeTheStartAndHundredFromTheEndOn() {
        assertThat(ProgressMath.plannedPercent(START, END, START.minusDays(1))).isEqualByComparingTo("0");
        assertThat(ProgressMath.plannedPercent(START, END, END)).isEqualByComparingTo("100");
        assertThat(ProgressMath.plannedPercent(START, END, END.plusYears(6))).isEqualByComparingTo("100");
    }

    @Test
    void plannedProgressIsTheShareOfDaysElapsedBothEndsIncluded() {
        // 316 days from 20/01/2020 to 30/11/2020; 163 of them up to 30/06/2020, 72 up to 31/03/2020
        assertThat(ProgressMath.plannedPercent(START, END, LocalDate.of(2020, 6, 30))).isEqualTo(new BigDecimal("51.58"));
        assertThat(ProgressMath.plannedPercent(START, END, LocalDate.of(2020, 3, 31))).isEqualTo(new BigDecimal("22.78"));
        assertThat(ProgressMath.plannedPercent(START, END, START)).isEqualTo(new BigDecimal("0.32"));
    }

    @Test
    void aCountedTargetGivesValueOverTarget() {
        assertThat(ProgressMath.achievedPercent(operation(Target.count(new BigDecimal("4"), "4 informes"), List.of()),
                "BO-L", new BigDecimal("1.0000"), null)).isEqualTo(new BigDecimal("25.00"));
    }

    @Test
    void aPercentageTargetGivesTheReportedPercentageOverTheTargetPercentage() {
        assertThat(ProgressMath.achievedPercent(operation(Target.percentage(new BigDecimal("80"), "80%"), List.of()),
                "BO-L", new BigDecimal("60"), null)).isEqualTo(new BigDecimal("75.00"));
    }

    @Test
    void anOperationWithoutTargetUsesPercentCompleteElseTheValueAsAPercentage() {
        Operation op = operation(Target.none("PORCENTAJE DE AVANCE"), List.of());
        assertThat(ProgressMath.achievedPercent(op, "BO-L", new BigDecimal("1"), new BigDecimal("40.5")))
                .isEqualTo(new BigDecimal("40.50"));
        assertThat(ProgressMath.achievedPercent(op, "BO-L", new BigDecimal("35"), null)).isEqualTo(new BigDecimal("35.00"));
    }

    @Test
    void aRegionalShareSplitsTheTarget() {
        Operation op = operation(Target.count(new BigDecimal("10"), "10"),
                List.of(new RegionalShare("BO-L", new BigDecimal("40"), new BigDecimal("50"))));
        assertThat(ProgressMath.achievedPercent(op, "BO-L", new BigDecimal("2"), null)).isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void fiscalQuartersAreCalendarQuarters() {
        assertThat(ProgressMath.fiscalQuarter(LocalDate.of(2020, 3, 31))).isEqualTo(1);
        assertThat(ProgressMath.fiscalQuarter(LocalDate.of(2020, 4, 1))).isEqualTo(2);
        assertThat(ProgressMath.fiscalQuarter(LocalDate.of(2020, 12, 31))).isEqualTo(4);
    }

    static Operation operation(Target target, List<RegionalShare> shares) {
        return new Operation(OperationCode.parse("11.04.02"), "Op", "", "", target, "", START, END, "", List.of(), shares);
    }
}
