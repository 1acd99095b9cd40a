package org.poahub.hub.finance.efficiency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.ConsolidatedTables;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.ConsolidationCalculator;
import org.poahub.hub.consolidation.ConsolidationProperties;
import org.poahub.hub.consolidation.SenavexPlan;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency.Level;
import org.poahub.hub.finance.efficiency.QuarterlyEfficiency.Row;
import org.poahub.hub.finance.reconciliation.SigepDevengado;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.RegionCatalogue;

/**
 * The worked example of docs/finance.md ("Quarterly physical–financial follow-up"): SENAVEX 2020, second quarter (as of
 * 30/06/2020), the sample execution extract's devengado through the illustrative mapping (one actividad per action), and
 * these regional reports. Every expected figure was computed by hand (the doc shows the arithmetic).
 */
class EfficiencyWorkedExampleTest {

    static final LocalDate JUNE_30 = LocalDate.of(2020, 6, 30);

    /** Progress (cumulative value, or percent complete for operations without a numeric target) and spend. */
    static final ConsolidatedTables REPORTS = new ConsolidatedTables(List.of(
            progress("11.04.02", "2", null), progress("11.04.03", "3", null), progress("11.04.04", "2", null),
            progress("11.04.05", "1", null), progress("11.04.06", "100", "100"), progress("11.05.02", "50", null),
            progress("04.01.01", "100", "100"), progress("04.01.02", "60", null)),
            List.of(spend("11.04.02", "BO-L", "10000", "1194361.25"), spend("11.04.02", "BO-L", "20000", "98500.00"),
                    spend("11.04.02", "BO-C", "20000", "45200.00"), spend("11.05.02", "BO-C", "10000", "900000.00"),
                    spend("04.01.02", "BO-L", "20000", "2500.00")));

    /** The sample extract ejecucion-senavex-2020-06-30.csv summed per category (LINEA lines only). */
    static final Map<String, SigepDevengado.Category> DEVENGADO = Map.of(
            "11-0000-004", new SigepDevengado.Category("11-0000-004", List.of(), new BigDecimal("1338061.25")),
            "11-0000-005", new SigepDevengado.Category("11-0000-005", List.of(), new BigDecimal("987800.00")),
            "12-0000-001", new SigepDevengado.Category("12-0000-001", List.of(), new BigDecimal("2500.00")));

    final Consolidation june30 = new ConsolidationCalculator(RegionCatalogue.loadDefault(),
            ObjectOfExpenditureClassifier.loadDefault(), ConsolidationProperties.DEFAULTS)
            .consolidate(SenavexPlan.PLAN, 1, REPORTS, JUNE_30);
    final QuarterlyEfficiency q2 = EfficiencyCalculator.compute(june30, 2, Optional.of(sigep()));

    @Test
    void action1104TakesSigepsDevengadoOfItsOwnCategory() {
        Row action = q2.row(Level.ACCION, "11.04").orElseThrow();
        assertThat(action.weight()).isEqualTo(30);
        assertThat(action.budget()).isEqualTo(new BigDecimal("7789063.00"));
        assertThat(action.programmedBudget()).as("7,713,063 × 51.58 % + 76,000 × 36.77 %")
                .isEqualTo(new BigDecimal("4006343.10"));
        assertThat(action.source()).isEqualTo(QuarterlyEfficiency.Source.SIGEP);
        assertThat(action.executed()).isEqualTo(new BigDecimal("1338061.25"));
        assertThat(action.regionalSpent()).isEqualTo(new BigDecimal("1338061.25"));
        assertThat(action.financialPercent()).isEqualTo(new BigDecimal("17.18"));
        assertThat(action.financialTarget()).isEqualTo(new BigDecimal("51.44"));
        assertThat(action.physicalPercent()).as("(0 + 50 + 33.33 + 50 + 33.33 + 100) / 6")
                .isEqualTo(new BigDecimal("44.44"));
        assertThat(action.physicalTarget()).isEqualTo(new BigDecimal("50.88"));
        assertThat(action.physicalAttainment()).isEqualTo(new BigDecimal("87.34"));
        assertThat(action.financialAttainment()).isEqualTo(new BigDecimal("33.40"));
        assertThat(action.weightedEfficiency()).as("(87.34 + 33.40) / 2").isEqualTo(new BigDecimal("60.37"));
        assertThat(action.weightedLabel()).isEqualTo("Suficiente");
        assertThat(action.relativeEfficiency()).as("44.44 / 17.18").isEqualTo(new BigDecimal("2.59"));
        assertThat(action.relativeLabel()).isEqualTo("Ejecución financiera rezagada");
    }

    @Test
    void operation110402SharesItsCategorySoItsExecutedIsTheRegions() {
        Row op = q2.row(Level.OPERACION, "11.04.02").orElseThrow();
        assertThat(op.source()).isEqualTo(QuarterlyEfficiency.Source.REGIONALES);
        assertThat(op.sigepDevengado()).isNull();
        assertThat(op.sourceNote()).isEqualTo("La categoría programática 11-0000-004 también es de 11.04.01, 11.04.03,"
                + " 11.04.04, 11.04.05, 11.04.06: el SIGEP no separa su devengado, se usa el gasto regional.");
        assertThat(op.programmedBudget()).isEqualTo(new BigDecimal("3978397.90"));
        assertThat(op.executed()).isEqualTo(new BigDecimal("1338061.25"));
        assertThat(op.financialPercent()).isEqualTo(new BigDecimal("17.35"));
        assertThat(op.financialTarget()).isEqualTo(new BigDecimal("51.58"));
        assertThat(op.physicalPercent()).isEqualTo(new BigDecimal("50.00"));
        assertThat(op.physicalTarget()).isEqualTo(new BigDecimal("51.58"));
        assertThat(op.weightedEfficiency()).as("(96.94 + 33.64) / 2").isEqualTo(new BigDecimal("65.29"));
        assertThat(op.weightedBand()).isEqualTo("SUFICIENTE");
        assertThat(op.relativeEfficiency()).isEqualTo(new BigDecimal("2.88"));
        assertThat(op.relativeBand()).isEqualTo("FINANCIERO_REZAGADO");
    }

    @Test
    void action1105IsAtRiskWhereSigepRecordsMoreThanTheRegionsReported() {
        Row action = q2.row(Level.ACCION, "11.05").orElseThrow();
        assertThat(action.executed()).isEqualTo(new BigDecimal("987800.00"));
        assertThat(action.regionalSpent()).isEqualTo(new BigDecimal("900000.00"));
        assertThat(action.financialPercent()).isEqualTo(new BigDecimal("34.79"));
        assertThat(action.financialTarget()).isEqualTo(new BigDecimal("49.59"));
        assertThat(action.physicalPercent()).as("50 / 7").isEqualTo(new BigDecimal("7.14"));
        assertThat(action.physicalTarget()).isEqualTo(new BigDecimal("78.40"));
        assertThat(action.weightedEfficiency()).as("(9.11 + 70.16) / 2").isEqualTo(new BigDecimal("39.64"));
        assertThat(action.weightedLabel()).isEqualTo("Riesgo de incumplimiento");
        assertThat(action.relativeEfficiency()).isEqualTo(new BigDecimal("0.21"));
        assertThat(action.relativeLabel()).isEqualTo("Avance físico rezagado");

        Row op = q2.row(Level.OPERACION, "11.05.02").orElseThrow();
        assertThat(op.source()).isEqualTo(QuarterlyEfficiency.Source.REGIONALES);
        assertThat(op.financialPercent()).isEqualTo(new BigDecimal("31.70"));
        assertThat(op.physicalAttainment()).as("50 / 49.59, counted as 100").isEqualTo(new BigDecimal("100.83"));
        assertThat(op.weightedEfficiency()).as("(100 + 63.92) / 2").isEqualTo(new BigDecimal("81.96"));
        assertThat(op.weightedLabel()).isEqualTo("Eficiente");
        assertThat(op.relativeEfficiency()).isEqualTo(new BigDecimal("1.58"));
    }

    @Test
    void action0401CountsPhysicalProgressAheadOfScheduleAsItsMetaOnly() {
        Row action = q2.row(Level.ACCION, "04.01").orElseThrow();
        assertThat(action.source()).isEqualTo(QuarterlyEfficiency.Source.SIGEP);
        assertThat(action.programmedBudget()).isEqualTo(new BigDecimal("5950.80"));
        assertThat(action.financialPercent()).isEqualTo(new BigDecimal("20.83"));
        assertThat(action.physicalPercent()).isEqualTo(new BigDecimal("80.00"));
        assertThat(action.physicalAttainment()).isEqualTo(new BigDecimal("106.95"));
        assertThat(action.financialAttainment()).isEqualTo(new BigDecimal("42.00"));
        assertThat(action.weightedEfficiency()).as("(min(106.95, 100) + 42.00) / 2").isEqualTo(new BigDecimal("71.00"));
        assertThat(action.relativeEfficiency()).isEqualTo(new BigDecimal("3.84"));

        Row unbudgeted = q2.row(Level.OPERACION, "04.01.01").orElseThrow();
        assertThat(unbudgeted.weightedEfficiency()).isNull();
        assertThat(unbudgeted.weightedLabel()).isEqualTo("Sin presupuesto");
        assertThat(unbudgeted.relativeLabel()).isEqualTo("Sin presupuesto");
    }

    @Test
    void theObjectiveTakesTheDevengadoOfAllItsCategoriesAndTheRowsFollowThePlan() {
        Row objective = q2.row(Level.OBJETIVO, "11").orElseThrow();
        assertThat(objective.source()).isEqualTo(QuarterlyEfficiency.Source.SIGEP);
        assertThat(objective.executed()).as("1,338,061.25 + 987,800.00").isEqualTo(new BigDecimal("2325861.25"));
        assertThat(objective.physicalPercent()).as("(30 × 44.44 + 15 × 7.14) / 100").isEqualTo(new BigDecimal("14.40"));
        assertThat(q2.rows().get(0).level()).isEqualTo(Level.ENTIDAD);
        assertThat(q2.rows().get(0).executed()).isEqualTo(new BigDecimal("2328361.25"));
        assertThat(q2.rows()).extracting(Row::code).startsWith("41", "04", "04.01", "04.01.01", "04.01.02", "04.02");
        assertThat(q2.sourceNote()).startsWith("Ejecutado: devengado del SIGEP, extracto de ejecución 7 (versión 1,"
                + " corte 30/06/2020)");
    }

    @Test
    void withoutAnExtractForTheQuarterEveryRowIsTheRegions() {
        QuarterlyEfficiency regional = EfficiencyCalculator.compute(june30, 2, Optional.empty());
        assertThat(regional.rows()).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo(QuarterlyEfficiency.Source.REGIONALES);
            assertThat(r.executed()).isEqualTo(r.regionalSpent());
        });
        assertThat(regional.row(Level.ACCION, "11.05").orElseThrow().financialPercent())
                .isEqualTo(new BigDecimal("31.70"));
        assertThat(regional.sourceNote()).isEqualTo("Ejecutado: gasto de los reportes regionales aceptados hasta el"
                + " 30/06/2020 (no hay extracto de ejecución del SIGEP con corte a esa fecha y mapeo presupuestario).");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The illustrative mapping: programa 12 for objective 04, 11 for 11, proyecto 0000, one actividad per action. */
    static SigepDevengado.AtCutOff sigep() {
        Map<String, String> categories = new TreeMap<>();
        SenavexPlan.PLAN.objectives().forEach(o -> o.actions().forEach(a -> a.operations().forEach(op ->
                categories.put(op.code().value(), (o.code().equals("04") ? "12" : "11") + "-0000-0"
                        + a.code().substring(3)))));
        return new SigepDevengado.AtCutOff(new SigepDevengado.Source(7, 1, JUNE_30, Instant.parse("2020-07-01T12:00:00Z"),
                3, 1), DEVENGADO, categories);
    }

    private static ProgressRow progress(String operation, String value, String percent) {
        return new ProgressRow(operation, "BO-L", new BigDecimal(value), percent == null ? null : new BigDecimal(percent),
                JUNE_30, 1);
    }

    private static SpendRow spend(String operation, String region, String group, String amount) {
        return new SpendRow(operation, region, group, "Columna 1", new BigDecimal(amount), 1);
    }
}
