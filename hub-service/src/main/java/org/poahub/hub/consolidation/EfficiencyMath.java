package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The two efficiency indicators of the quarterly physical–financial follow-up (docs/finance.md, "Quarterly
 * physical–financial follow-up"), in one place for the follow-up and the alerts. Inputs are percentages with 2
 * decimals as {@link ProgressMath} gives them; every result has 2 decimals, half up, and is classified on that rounded
 * figure (what is shown is what is classified). A division by zero is never attempted: it is a band of its own.
 */
public final class EfficiencyMath {

    /** Each component weighs 0.5: the mean of the two. */
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal PHYSICAL_LAGGING_BELOW = new BigDecimal("0.90");
    static final BigDecimal FINANCIAL_LAGGING_ABOVE = new BigDecimal("1.30");

    private EfficiencyMath() {
    }

    /** Bands of the eficiencia ponderada (0–100). */
    public enum WeightedBand {
        EFICIENTE("Eficiente"),
        SUFICIENTE("Suficiente"),
        RIESGO_DE_INCUMPLIMIENTO("Riesgo de incumplimiento"),
        INEFICIENTE("Ineficiente"),
        /** Nothing was programmed up to the date (physical or financial meta 0): no ratio to compute. */
        SIN_EJECUCION_PROGRAMADA("Sin ejecución programada"),
        /** No budget: no financial execution to measure. */
        SIN_PRESUPUESTO("Sin presupuesto");

        private final String label;

        WeightedBand(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Bands of the eficiencia relativa (% physical / % financial). */
    public enum RelativeBand {
        FISICO_REZAGADO("Avance físico rezagado"),
        EFICIENTE("Eficiente"),
        FINANCIERO_REZAGADO("Ejecución financiera rezagada"),
        /** Physical progress with nothing executed: the ratio has no value, the spend clearly lags. */
        SIN_EJECUCION_FINANCIERA("Sin ejecución financiera"),
        /** Neither physical progress nor financial execution. */
        SIN_EJECUCION("Sin avance ni ejecución"),
        SIN_PRESUPUESTO("Sin presupuesto");

        private final String label;

        RelativeBand(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param physicalAttainment  % physical / physical meta × 100 (null when the meta is 0)
     * @param financialAttainment % financial / financial meta × 100 (null when the meta is 0 or there is no budget)
     * @param value               the eficiencia ponderada, 0–100; null when a meta is 0 or there is no budget
     */
    public record Weighted(BigDecimal physicalAttainment, BigDecimal financialAttainment, BigDecimal value,
            WeightedBand band, String label) {
    }

    /** @param value % physical / % financial; null when the financial execution is not positive */
    public record Relative(BigDecimal value, RelativeBand band, String label) {
    }

    /**
     * Eficiencia ponderada = (% físico / meta física × 0.5 + % financiero / meta financiera × 0.5) × 100, each
     * component counting at most its meta (a ratio above 1 counts as 1: spending ahead of schedule is not efficiency,
     * and progress ahead of schedule does not hide spend behind it), so the value lies in 0–100 like the bands. Computed
     * as (min(physical attainment, 100) + min(financial attainment, 100)) / 2 from the attainments rounded to 2
     * decimals. Bands on the rounded value: &gt; 75 Eficiente (76–100), &gt; 50 Suficiente (51–75), &gt; 25 Riesgo de
     * incumplimiento (26–50), else Ineficiente (0–25).
     *
     * @param financial       % financial execution; null without budget
     * @param financialTarget % of the budget programmed up to the date; null without budget
     */
    public static Weighted weighted(BigDecimal physical, BigDecimal physicalTarget, BigDecimal financial,
            BigDecimal financialTarget) {
        BigDecimal physicalAttainment = ProgressMath.percent(physical, physicalTarget);
        BigDecimal financialAttainment = financial == null ? null : ProgressMath.percent(financial, financialTarget);
        if (financial == null || financialTarget == null) {
            return new Weighted(physicalAttainment, null, null, WeightedBand.SIN_PRESUPUESTO,
                    WeightedBand.SIN_PRESUPUESTO.label());
        }
        if (physicalAttainment == null || financialAttainment == null) {
            return new Weighted(physicalAttainment, financialAttainment, null, WeightedBand.SIN_EJECUCION_PROGRAMADA,
                    WeightedBand.SIN_EJECUCION_PROGRAMADA.label());
        }
        BigDecimal value = ProgressMath.capAt100(physicalAttainment.max(BigDecimal.ZERO))
                .add(ProgressMath.capAt100(financialAttainment.max(BigDecimal.ZERO)))
                .divide(TWO, 2, RoundingMode.HALF_UP);
        WeightedBand band = value.compareTo(BigDecimal.valueOf(75)) > 0 ? WeightedBand.EFICIENTE
                : value.compareTo(BigDecimal.valueOf(50)) > 0 ? WeightedBand.SUFICIENTE
                : value.compareTo(BigDecimal.valueOf(25)) > 0 ? WeightedBand.RIESGO_DE_INCUMPLIMIENTO
                : WeightedBand.INEFICIENTE;
        return new Weighted(physicalAttainment, financialAttainment, value, band, band.label());
    }

    /**
     * Eficiencia relativa = % físico / % financiero, 2 decimals half up: &lt; 0.90 physical progress lags, 0.90–1.30
     * efficient, &gt; 1.30 the financial execution lags. Without a positive financial execution there is no ratio:
     * {@link RelativeBand#SIN_EJECUCION_FINANCIERA} when there is physical progress, {@link RelativeBand#SIN_EJECUCION}
     * when there is none either, {@link RelativeBand#SIN_PRESUPUESTO} without budget ({@code financial} null).
     */
    public static Relative relative(BigDecimal physical, BigDecimal financial) {
        if (financial == null) {
            return new Relative(null, RelativeBand.SIN_PRESUPUESTO, RelativeBand.SIN_PRESUPUESTO.label());
        }
        if (financial.signum() <= 0) {
            RelativeBand band = physical.signum() > 0 ? RelativeBand.SIN_EJECUCION_FINANCIERA : RelativeBand.SIN_EJECUCION;
            return new Relative(null, band, band.label());
        }
        BigDecimal value = physical.divide(financial, 2, RoundingMode.HALF_UP);
        RelativeBand band = value.compareTo(PHYSICAL_LAGGING_BELOW) < 0 ? RelativeBand.FISICO_REZAGADO
                : value.compareTo(FINANCIAL_LAGGING_ABOVE) > 0 ? RelativeBand.FINANCIERO_REZAGADO
                : RelativeBand.EFICIENTE;
        return new Relative(value, band, band.label());
    }
}
