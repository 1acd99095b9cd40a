package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.EfficiencyMath.RelativeBand;
import org.poahub.hub.consolidation.EfficiencyMath.WeightedBand;

class EfficiencyMathTest {

    @Test
    void weightedEfficiencyIsTheMeanOfTheTwoAttainments() {
        EfficiencyMath.Weighted w = EfficiencyMath.weighted(d("40.00"), d("50.00"), d("30.00"), d("50.00"));
        assertThat(w.physicalAttainment()).isEqualTo(d("80.00"));
        assertThat(w.financialAttainment()).isEqualTo(d("60.00"));
        assertThat(w.value()).as("(40/50 × 0.5 + 30/50 × 0.5) × 100").isEqualTo(d("70.00"));
        assertThat(w.band()).isEqualTo(WeightedBand.SUFICIENTE);
    }

    @Test
    void theBandsSplitAtTheirIntegerLimits() {
        assertThat(band("100.00")).isEqualTo(WeightedBand.EFICIENTE);
        assertThat(band("75.01")).isEqualTo(WeightedBand.EFICIENTE);
        assertThat(band("75.00")).isEqualTo(WeightedBand.SUFICIENTE);
        assertThat(band("50.01")).isEqualTo(WeightedBand.SUFICIENTE);
        assertThat(band("50.00")).isEqualTo(WeightedBand.RIESGO_DE_INCUMPLIMIENTO);
        assertThat(band("25.01")).isEqualTo(WeightedBand.RIESGO_DE_INCUMPLIMIENTO);
        assertThat(band("25.00")).isEqualTo(WeightedBand.INEFICIENTE);
        assertThat(band("0.00")).isEqualTo(WeightedBand.INEFICIENTE);
    }

    @Test
    void aComponentAheadOfItsMetaCountsAsTheMetaSoTheValueStaysWithin100() {
        EfficiencyMath.Weighted w = EfficiencyMath.weighted(d("90.00"), d("30.00"), d("90.00"), d("30.00"));
        assertThat(w.physicalAttainment()).isEqualTo(d("300.00"));
        assertThat(w.value()).isEqualTo(d("100.00"));
        assertThat(w.band()).isEqualTo(WeightedBand.EFICIENTE);
    }

    @Test
    void nothingProgrammedOrNoBudgetIsSaidNotDividedByZero() {
        EfficiencyMath.Weighted notStarted = EfficiencyMath.weighted(d("0.00"), d("0.00"), d("0.00"), d("0.00"));
        assertThat(notStarted.value()).isNull();
        assertThat(notStarted.label()).isEqualTo("Sin ejecución programada");
        EfficiencyMath.Weighted noBudget = EfficiencyMath.weighted(d("10.00"), d("20.00"), null, null);
        assertThat(noBudget.value()).isNull();
        assertThat(noBudget.physicalAttainment()).isEqualTo(d("50.00"));
        assertThat(noBudget.label()).isEqualTo("Sin presupuesto");
    }

    @Test
    void relativeEfficiencyReadsWhichSideLags() {
        assertThat(EfficiencyMath.relative(d("92.00"), d("3.00")).value()).isEqualTo(d("30.67"));
        assertThat(EfficiencyMath.relative(d("92.00"), d("3.00")).band()).isEqualTo(RelativeBand.FINANCIERO_REZAGADO);
        assertThat(EfficiencyMath.relative(d("13.00"), d("10.00")).band()).as("1.30 is still efficient")
                .isEqualTo(RelativeBand.EFICIENTE);
        assertThat(EfficiencyMath.relative(d("9.00"), d("10.00")).band()).as("0.90 too").isEqualTo(RelativeBand.EFICIENTE);
        assertThat(EfficiencyMath.relative(d("8.95"), d("10.00")).band()).as("0.895 rounds to 0.90")
                .isEqualTo(RelativeBand.EFICIENTE);
        assertThat(EfficiencyMath.relative(d("8.94"), d("10.00")).band()).isEqualTo(RelativeBand.FISICO_REZAGADO);
        assertThat(EfficiencyMath.relative(d("13.01"), d("10.00")).band()).as("1.3010 rounds to 1.30")
                .isEqualTo(RelativeBand.EFICIENTE);
        assertThat(EfficiencyMath.relative(d("13.06"), d("10.00")).band()).isEqualTo(RelativeBand.FINANCIERO_REZAGADO);
    }

    @Test
    void withoutFinancialExecutionThereIsNoRatio() {
        EfficiencyMath.Relative progressOnly = EfficiencyMath.relative(d("40.00"), d("0.00"));
        assertThat(progressOnly.value()).isNull();
        assertThat(progressOnly.label()).isEqualTo("Sin ejecución financiera");
        assertThat(EfficiencyMath.relative(d("0.00"), d("0.00")).band()).isEqualTo(RelativeBand.SIN_EJECUCION);
        assertThat(EfficiencyMath.relative(d("40.00"), null).band()).isEqualTo(RelativeBand.SIN_PRESUPUESTO);
    }

    private static WeightedBand band(String value) {
        BigDecimal v = d(value);
        // physical and financial attainment both equal to the value: the mean is the value itself
        return EfficiencyMath.weighted(v, d("100.00"), v, d("100.00")).band();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
