package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.hub.consolidation.Consolidation.ActionFigures;
import org.poahub.hub.consolidation.Consolidation.Alert;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;
import org.poahub.hub.consolidation.Consolidation.OperationFigures;
import org.poahub.hub.consolidation.ConsolidatedTables.ProgressRow;
import org.poahub.hub.consolidation.ConsolidatedTables.SpendRow;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.ObjectOfExpenditureClassifier;
import org.poahub.plan.Objective;
import org.poahub.plan.Operation;
import org.poahub.plan.OperationCode;
import org.poahub.plan.Plan;
import org.poahub.plan.RegionCatalogue;
import org.poahub.plan.Target;

class ConsolidationCalculatorTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2020, 6, 30);

    private final ConsolidationCalculator calculator = new ConsolidationCalculator(RegionCatalogue.loadDefault(),
            ObjectOfExpenditureClassifier.loadDefault(), ConsolidationProperties.DEFAULTS);

    /** The consolidated tables after the worked example of docs/consolidation.md. */
    static final ConsolidatedTables WORKED_EXAMPLE = new ConsolidatedTables(
            List.of(new ProgressRow("11.04.02", "BO-L", new BigDecimal("2.0000"), null, LocalDate.of(2020, 6, 30), 2)),
            List.of(spend("BO-C", "40000", "20000.00"), spend("BO-C", "50000", "5000.00"),
                    spend("BO-L", "20000", "120000.00"), spend("BO-L", "40000", "100000.00")));

    // ---- the SENAVEX 2020 worked example ------------------------------------------------------------------------

    @Test
    void theEntityBudgetIsTheExactPlanTotal() {
        Consolidation c = calculator.consolidate(SenavexPlan.PLAN, 1, new ConsolidatedTables(List.of(), List.of()), JUNE_30);
        assertThat(c.money().budget()).isEqualTo(new BigDecimal("11320195.00"));
        assertThat(c.money().spent()).isEqualTo(new BigDecimal("0.00"));
        assertThat(c.money().executionPercent()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theWorkedOperationHasNationalAndRegionalFigures() {
        OperationFigures op = calculator.consolidate(SenavexPlan.PLAN, 1, WORKED_EXAMPLE, JUNE_30)
                .operation("11.04.02").orElseThrow();

        assertThat(op.cumulativeValue()).isEqualByComparingTo("2");
        assertThat(op.progress().physicalProgress()).isEqualTo(new BigDecimal("50.00"));
        assertThat(op.progress().plannedProgress()).isEqualTo(new BigDecimal("51.58"));
        assertThat(op.progress().variance()).isEqualTo(new BigDecimal("-1.58"));
        assertThat(op.progress().status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(op.money().budget()).isEqualTo(new BigDecimal("7713063.00"));
        assertThat(op.money().spent()).isEqualTo(new BigDecimal("245000.00"));
        assertThat(op.money().executionPercent()).isEqualTo(new BigDecimal("3.18"));
        assertThat(op.regions()).extracting(r -> r.regionCode() + " " + r.regionName() + " " + r.physicalProgress()
                + " " + r.spent()).containsExactly("BO-C Cochabamba null 25000.00", "BO-L La Paz 50.00 220000.00");
        assertThat(op.expenditure()).extracting(l -> l.objectGroup() + " " + l.budget() + " " + l.spent() + " "
                + l.executionPercent()).containsExactly(
                "10000 4777445.00 0.00 0.00", "20000 865426.00 120000.00 13.87", "30000 461720.00 0.00 0.00",
                "40000 111300.00 120000.00 107.82", "50000 0.00 5000.00 null", "80000 1497172.00 0.00 0.00");
    }

    @Test
    void theWorkedExampleRollsUpToActionObjectiveAndEntity() {
        Consolidation c = calculator.consolidate(SenavexPlan.PLAN, 1, WORKED_EXAMPLE, JUNE_30);
        ActionFigures action = c.objective("11").orElseThrow().actions().stream()
                .filter(a -> a.code().equals("11.04")).findFirst().orElseThrow();

        assertThat(action.progress().physicalProgress()).isEqualTo(new BigDecimal("8.33"));
        assertThat(action.progress().plannedProgress()).isEqualTo(new BigDecimal("50.88"));
        assertThat(action.progress().status()).isEqualTo(ProgressStatus.BEHIND);
        assertThat(c.objective("11").orElseThrow().progress().physicalProgress()).isEqualTo(new BigDecimal("2.50"));
        assertThat(c.objective("11").orElseThrow().progress().plannedProgress()).isEqualTo(new BigDecimal("60.87"));
        assertThat(c.objective("04").orElseThrow().progress().plannedProgress()).isEqualTo(new BigDecimal("50.34"));
        assertThat(c.progress().physicalProgress()).isEqualTo(new BigDecimal("1.25"));
        assertThat(c.progress().plannedProgress()).isEqualTo(new BigDecimal("55.61"));
        assertThat(c.progress().variance()).isEqualTo(new BigDecimal("-54.36"));
        assertThat(c.progress().statusLabel()).isEqualTo("Retrasada");
        assertThat(c.money().spent()).isEqualTo(new BigDecimal("245000.00"));
    }

    @Test
    void theWorkedExampleRaisesTheBudgetAlertsAndTheMissingReportAlerts() {
        List<Alert> alerts = calculator.consolidate(SenavexPlan.PLAN, 1, WORKED_EXAMPLE, JUNE_30).alerts();

        assertThat(alerts).filteredOn(a -> a.operationCode().equals("11.04.02")).extracting(Alert::message)
                .containsExactly(
                        "La operación 11.04.02 tiene un avance físico de 50,00 % con una ejecución financiera de 3,18 %"
                                + " (eficiencia relativa 15,72, mayor a 1,30: la ejecución financiera está rezagada).",
                        "La operación 11.04.02 gastó Bs 120.000,00 en el grupo 40000 (Columna 1), por encima de su "
                                + "presupuesto de Bs 111.300,00 (107,82 %).",
                        "La operación 11.04.02 gastó Bs 5.000,00 en el grupo 50000 (Columna 1), para el que no tiene "
                                + "presupuesto.");
        assertThat(alerts).filteredOn(a -> a.code().equals(AlertRules.NO_PROGRESS_REPORTED)).hasSize(22)
                .first().extracting(Alert::message).isEqualTo(
                        "La operación 04.01.01 no tiene informes de avance y su avance programado al 30/06/2020 es 100,00 %.");
        assertThat(alerts).hasSize(25);
    }

    @Test
    void expenditureIsGivenNationallyAndPerRegionByGroupAndFundingColumn() {
        Consolidation c = calculator.consolidate(SenavexPlan.PLAN, 1, WORKED_EXAMPLE, JUNE_30);

        assertThat(c.expenditure()).filteredOn(l -> l.objectGroup().equals("40000")).singleElement()
                .satisfies(l -> {
                    assertThat(l.groupName()).isNotBlank();
                    assertThat(l.budget()).isEqualTo(new BigDecimal("225800.00"));
                    assertThat(l.spent()).isEqualTo(new BigDecimal("120000.00"));
                });
        assertThat(c.expenditure().stream().map(ExpenditureLine::budget).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(new BigDecimal("11320195.00"));
        assertThat(c.regionalExpenditure()).extracting(r -> r.regionCode() + " " + r.spent())
                .containsExactly("BO-C 25000.00", "BO-L 220000.00");
        assertThat(c.regionalExpenditure().get(0).lines()).extracting(l -> l.objectGroup() + " " + l.budget() + " "
                + l.spent()).containsExactly("40000 null 20000.00", "50000 null 5000.00");
    }

    // ---- the rollup rules on a small plan ---------------------------------------------------------------------

    @Test
    void aCountedOperationAddsUpTheRegionsCumulativeValues() {
        Plan plan = plan(List.of(action("01.01", 100, op("01.01.01", Target.count(new BigDecimal("10"), "10")))));
        Consolidation c = calculator.consolidate(plan, 1, new ConsolidatedTables(List.of(
                progress("01.01.01", "BO-L", "3"), progress("01.01.01", "BO-C", "4")), List.of()), JUNE_30);

        assertThat(c.operation("01.01.01").orElseThrow().cumulativeValue()).isEqualByComparingTo("7");
        assertThat(c.operation("01.01.01").orElseThrow().progress().physicalProgress()).isEqualTo(new BigDecimal("70.00"));
    }

    @Test
    void aPercentageOperationAveragesTheRegionsThatReported() {
        Plan plan = plan(List.of(action("01.01", 100, op("01.01.01", Target.none("PORCENTAJE DE AVANCE")))));
        Consolidation c = calculator.consolidate(plan, 1, new ConsolidatedTables(List.of(
                progress("01.01.01", "BO-L", "30"), progress("01.01.01", "BO-C", "45")), List.of()), JUNE_30);

        assertThat(c.operation("01.01.01").orElseThrow().cumulativeValue()).isNull();
        assertThat(c.operation("01.01.01").orElseThrow().progress().physicalProgress()).isEqualTo(new BigDecimal("37.50"));
    }

    @Test
    void anActionIsTheMeanOfItsOperationsEachCountingAtMostHundredPercent() {
        Plan plan = plan(List.of(action("01.01", 100, op("01.01.01", Target.count(new BigDecimal("2"), "2")),
                op("01.01.02", Target.count(new BigDecimal("4"), "4")))));
        Consolidation c = calculator.consolidate(plan, 1, new ConsolidatedTables(List.of(
                progress("01.01.01", "BO-L", "6"), progress("01.01.02", "BO-L", "1")), List.of()), JUNE_30);

        assertThat(c.operation("01.01.01").orElseThrow().progress().physicalProgress()).isEqualTo(new BigDecimal("300.00"));
        assertThat(c.objective("01").orElseThrow().actions().get(0).progress().physicalProgress())
                .as("(100 + 25) / 2").isEqualTo(new BigDecimal("62.50"));
    }

    @Test
    void anObjectiveWeighsItsActionsByPonderacionAndTheEntityAveragesItsObjectives() {
        Plan plan = new Plan(2020, "41", "X", List.of("Columna 1"), List.of(
                new Objective("01", "", List.of(
                        action("01.01", 70, op("01.01.01", Target.count(BigDecimal.TEN, "10"))),
                        action("01.02", 30, op("01.02.01", Target.count(BigDecimal.TEN, "10"))))),
                new Objective("02", "", List.of(action("02.01", 100, op("02.01.01", Target.count(BigDecimal.TEN, "10")))))));
        Consolidation c = calculator.consolidate(plan, 1, new ConsolidatedTables(List.of(
                progress("01.01.01", "BO-L", "10"), progress("01.02.01", "BO-L", "5")), List.of()), JUNE_30);

        assertThat(c.objective("01").orElseThrow().progress().physicalProgress())
                .as("(70 × 100 + 30 × 50) / 100").isEqualTo(new BigDecimal("85.00"));
        assertThat(c.progress().physicalProgress()).as("(85 + 0) / 2").isEqualTo(new BigDecimal("42.50"));
    }

    @Test
    void spendingFarAheadOfProgressAndProgressWithoutSpendRaiseAlerts() {
        Plan plan = plan(List.of(action("01.01", 100,
                op("01.01.01", Target.count(BigDecimal.TEN, "10"), BudgetLine.of("20000", new BigDecimal("1000.00"))),
                op("01.01.02", Target.count(BigDecimal.TEN, "10"), BudgetLine.of("30000", new BigDecimal("500.00"))))));
        Consolidation c = calculator.consolidate(plan, 1, new ConsolidatedTables(
                List.of(progress("01.01.01", "BO-L", "1"), progress("01.01.02", "BO-L", "5")),
                List.of(new SpendRow("01.01.01", "BO-L", "20000", "Columna 1", new BigDecimal("800.00"), 1))), JUNE_30);

        assertThat(c.alerts()).extracting(a -> a.code() + " " + a.operationCode() + ": " + a.message()).containsExactly(
                "SPEND_AHEAD_OF_PROGRESS 01.01.01: La operación 01.01.01 ejecutó el 80,00 % de su presupuesto con un "
                        + "avance físico de 10,00 % (70,00 puntos de diferencia; el límite es 30,00).",
                "PROGRESS_WITHOUT_SPEND 01.01.02: La operación 01.01.02 reporta un avance físico de 50,00 % sin gasto "
                        + "registrado, con un presupuesto de Bs 500,00.");
    }

    @Test
    void spendFarBehindPhysicalProgressRaisesTheLaggingSpendAlert() {
        // the local stack's year end: 92 % physical progress with 3 % of the budget executed went unflagged
        Plan plan = plan(List.of(action("01.01", 100,
                op("01.01.01", Target.count(new BigDecimal("100"), "100"), BudgetLine.of("20000", new BigDecimal("1000.00"))),
                op("01.01.02", Target.count(BigDecimal.TEN, "10"), BudgetLine.of("30000", new BigDecimal("1000.00"))))));
        Consolidation c = calculator.consolidate(plan, 1, new ConsolidatedTables(
                List.of(progress("01.01.01", "BO-L", "92"), progress("01.01.02", "BO-L", "5")),
                List.of(new SpendRow("01.01.01", "BO-L", "20000", "Columna 1", new BigDecimal("30.00"), 1),
                        new SpendRow("01.01.02", "BO-L", "30000", "Columna 1", new BigDecimal("400.00"), 1))), JUNE_30);

        assertThat(c.alerts()).extracting(a -> a.code() + " " + a.operationCode() + ": " + a.message()).containsExactly(
                "SPEND_BEHIND_PROGRESS 01.01.01: La operación 01.01.01 tiene un avance físico de 92,00 % con una"
                        + " ejecución financiera de 3,00 % (eficiencia relativa 30,67, mayor a 1,30: la ejecución"
                        + " financiera está rezagada).");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static SpendRow spend(String region, String group, String amount) {
        return new SpendRow("11.04.02", region, group, "Columna 1", new BigDecimal(amount), 1);
    }

    private static ProgressRow progress(String operation, String region, String value) {
        return new ProgressRow(operation, region, new BigDecimal(value), null, LocalDate.of(2020, 6, 30), 1);
    }

    private static Plan plan(List<Action> actions) {
        return new Plan(2020, "41", "X", List.of("Columna 1"), List.of(new Objective("01", "", actions)));
    }

    private static Action action(String code, int weight, Operation... operations) {
        return new Action(code, "Acción " + code, weight, List.of(operations));
    }

    private static Operation op(String code, Target target, BudgetLine... lines) {
        return new Operation(OperationCode.parse(code), "Operación " + code, "", "", target, "",
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), "", List.of(lines), List.of());
    }
}
