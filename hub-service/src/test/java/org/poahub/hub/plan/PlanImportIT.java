package org.poahub.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.poahub.hub.RealServers;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.TargetKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Imports into the real PostgreSQL: the shipped plan, CSV = XLSX, atomic rejection, a second version and its diff. */
@SpringBootTest
class PlanImportIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.plan.seed-on-empty", () -> "true");
    }

    @Autowired
    PlanService plans;

    @Autowired
    PlanRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** The shipped SENAVEX plan moved to another fiscal year, so that each test has its own year. */
    static byte[] senavexAs(int year, UnaryOperator<String> edit) {
        String csv = new String(ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV), StandardCharsets.UTF_8)
                .replace("Gestión;2020", "Gestión;" + year).replace("/2020;", "/" + year + ";");
        return edit.apply(csv).getBytes(StandardCharsets.UTF_8);
    }

    @Autowired
    PlanImportCommand command;

    @Autowired
    org.springframework.beans.factory.SmartInitializingSingleton planSeeder;

    @Test
    void theShippedSenavexPlanIsSeededOnFirstStartAndReadBackExactly() throws Exception {
        List<PlanVersion> versions = plans.versions(2020);
        assertThat(versions).hasSize(1);
        PlanVersion v = versions.get(0);
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.createdBy()).isEqualTo("system");
        assertThat(v.sourceFile()).isEqualTo("plans/senavex-poa-2020.csv");
        assertThat(v.checksumSha256()).isEqualTo(PlanService.sha256(ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV)));

        Plan stored = plans.plan(plans.version(2020, null).orElseThrow());
        assertThat(stored).isEqualTo(ShippedPlans.senavexFromCsv());
        assertThat(stored.operations()).hasSize(46);
        assertThat(stored.grandTotal()).isEqualTo(new BigDecimal("11320195.00"));
        assertThat(stored.totalsByFundingColumn().get(1)).isEqualTo(new BigDecimal("0.00"));
        assertThat(stored.operation("11.04.02").orElseThrow().budgetLines()).hasSize(5);
        assertThat(stored.operation("11.01.14").orElseThrow().budgetLines()).hasSize(2);
        assertThat(jdbc.queryForObject("select sum(amount) from plan_budget_amount where version_id = ?", BigDecimal.class,
                v.id())).isEqualTo(new BigDecimal("11320195.00"));

        // Later starts find a plan and load nothing; the same plan re-imported (csv or xlsx) adds no version.
        planSeeder.afterSingletonsInstantiated();
        assertThat(plans.importPlan(ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV), "a.csv", "tester", "x").created()).isFalse();
        assertThat(plans.importPlan(ShippedPlans.bytes(ShippedPlans.SENAVEX_XLSX), "a.xlsx", "tester", "x").created()).isFalse();
        assertThat(plans.versions(2020)).hasSize(1);
    }

    @Test
    void theCommandLineImportsAndReportsErrorsWithAnExitStatus(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path good = dir.resolve("poa-2025.csv");
        java.nio.file.Files.write(good, senavexAs(2025, csv -> csv));
        java.nio.file.Path bad = dir.resolve("malo.csv");
        java.nio.file.Files.write(bad, senavexAs(2026, csv -> csv.replace("70000.00", "-70000.00")));

        command.run(new org.springframework.boot.DefaultApplicationArguments("import-plan", bad.toString()));
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(plans.versions(2026)).isEmpty();

        command.run(new org.springframework.boot.DefaultApplicationArguments("import-plan", good.toString(),
                "--user=maria", "--reason=Carga por consola"));
        assertThat(command.getExitCode()).isZero();
        assertThat(plans.versions(2025)).extracting(PlanVersion::createdBy, PlanVersion::sourceFile)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maria", "poa-2025.csv"));

        command.run(new org.springframework.boot.DefaultApplicationArguments("import-plan"));
        assertThat(command.getExitCode()).isEqualTo(2);
    }

    @Test
    void csvAndXlsxOfTheSamePlanAreStoredIdentically() {
        Plan fromCsv = plans.parse(ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV));
        Plan fromXlsx = plans.parse(ShippedPlans.bytes(ShippedPlans.SENAVEX_XLSX));
        transactions.executeWithoutResult(tx -> {
            long a = repository.insert(fromCsv, 101, "t", "csv", "a.csv", "x").id();
            long b = repository.insert(fromXlsx, 102, "t", "xlsx", "b.xlsx", "y").id();
            for (String table : List.of("plan_objective", "plan_action", "plan_operation", "plan_budget_amount",
                    "plan_regional_share")) {
                // Compare every column but version_id.
                String columns = String.join(", ", jdbc.queryForList("select column_name from information_schema.columns "
                        + "where table_name = ? and column_name <> 'version_id' order by ordinal_position", String.class, table));
                String q = "select count(*) from ((select " + columns + " from " + table + " where version_id = ?) "
                        + "except all (select " + columns + " from " + table + " where version_id = ?)) d";
                assertThat(jdbc.queryForObject(q, Integer.class, a, b)).as(table + " csv minus xlsx").isZero();
                assertThat(jdbc.queryForObject(q, Integer.class, b, a)).as(table + " xlsx minus csv").isZero();
            }
            assertThat(jdbc.queryForObject("select count(*) from plan_operation where version_id = ?", Integer.class, a))
                    .isEqualTo(46);
            tx.setRollbackOnly();
        });
    }

    @Test
    void everyInvalidFileIsRejectedWholeAndNothingIsStored() {
        Map<String, UnaryOperator<String>> badFiles = Map.of(
                "Fila 68, columna 'Código': el código '11.4.02' no tiene el formato NN.NN.NN",
                csv -> csv.replace("OPERACION;11.04.02;", "OPERACION;11.4.02;").replace("PARTIDA;11.04.02;", "PARTIDA;11.4.02;"),
                "columna 'Peso': los pesos de las acciones del objetivo '11' suman 95; deben sumar 100",
                csv -> csv.replaceFirst("(ACCION;11\\.05;[^\\r\\n]*;)15", "$110"),
                "columna 'Columna 1': el importe '-70000.00' es negativo",
                csv -> csv.replace("70000.00", "-70000.00"),
                "columna 'Fin': la fecha 31/12/2019 está fuera de la gestión 2024",
                csv -> csv.replace("28/02/2024", "31/12/2019"));
        for (var bad : badFiles.entrySet()) {
            long before = rowCount();
            PlanImportException e = catchThrowableOfType(PlanImportException.class,
                    () -> plans.importPlan(senavexAs(2024, bad.getValue()), "malo.csv", "tester", null));
            assertThat(e).as(bad.getKey()).isNotNull();
            assertThat(e.errors()).extracting(ImportError::text).anyMatch(t -> t.endsWith(bad.getKey()));
            assertThat(rowCount()).isEqualTo(before);
            assertThat(plans.versions(2024)).isEmpty();
        }
    }

    private long rowCount() {
        return jdbc.queryForObject("select (select count(*) from plan_version) + (select count(*) from plan_objective) "
                + "+ (select count(*) from plan_action) + (select count(*) from plan_operation) "
                + "+ (select count(*) from plan_budget_amount) + (select count(*) from plan_regional_share)", Long.class);
    }

    @Test
    void aReformulationIsStoredBesideTheFirstVersionAndTheDiffIsReported() {
        int year = 2022;
        PlanVersion v1 = plans.importPlan(senavexAs(year, csv -> csv), "poa.csv", "ana", null).version();
        byte[] changed = senavexAs(year, csv -> csv
                .replace("9 NRO. DE CAPACITACIONES REALIZADAS;9;CANTIDAD", "9 NRO. DE CAPACITACIONES REALIZADAS;12;CANTIDAD")
                .replace("PARTIDA;04.01.02;;;;;;;;;;;20000;;;;12000.00;0.00",
                        "PARTIDA;04.01.02;;;;;;;;;;;20000;;;;12000.00;0.00\r\nPARTIDA;04.01.02;;;;;;;;;;;30000;;;;2500.50;0.00"));

        PlanImportException noReason = catchThrowableOfType(PlanImportException.class,
                () -> plans.importPlan(changed, "poa-v2.csv", "ana", " "));
        assertThat(noReason.errors()).extracting(ImportError::text)
                .containsExactly("Archivo: ya existe la versión 1 del plan 2022; indique el motivo de la reformulación");

        PlanImportResult v2 = plans.importPlan(changed, "poa-v2.csv", "luis", "Reformulación: más capacitaciones");
        assertThat(v2.created()).isTrue();
        assertThat(v2.version().version()).isEqualTo(2);
        assertThat(plans.versions(year)).extracting(PlanVersion::version, PlanVersion::createdBy, PlanVersion::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ana", "Versión inicial"),
                        org.assertj.core.groups.Tuple.tuple(2, "luis", "Reformulación: más capacitaciones"));
        assertThat(plans.plan(v1)).isEqualTo(plans.parse(senavexAs(year, csv -> csv)));

        PlanDiff diff = plans.diff(year, 1, 2).orElseThrow();
        assertThat(diff.addedOperations()).isEmpty();
        assertThat(diff.removedOperations()).isEmpty();
        assertThat(diff.actionChanges()).isEmpty();
        assertThat(diff.operationChanges()).containsExactly(
                new PlanDiff.FieldChange("11.04.03", "meta", "9 COUNT", "12 COUNT"));
        assertThat(diff.budgetLineChanges()).containsExactly(new PlanDiff.BudgetLineChange("04.01.02", "30000",
                PlanDiff.ChangeKind.ADDED, null, List.of(new BigDecimal("2500.50"), new BigDecimal("0.00"))));
        Plan current = plans.plan(plans.version(year, null).orElseThrow());
        Operation op = current.operation("11.04.03").orElseThrow();
        assertThat(op.target().value()).isEqualTo(new BigDecimal("12"));
        assertThat(op.target().kind()).isEqualTo(TargetKind.COUNT);
        assertThat(current.grandTotal()).isEqualTo(new BigDecimal("11322695.50"));
    }

    @Test
    void anOperationDroppedByANewVersionIsFlaggedNotForgotten() {
        int year = 2023;
        plans.importPlan(senavexAs(year, csv -> csv), "poa.csv", "ana", null);
        plans.importPlan(senavexAs(year, csv -> csv.replaceAll("OPERACION;11\\.05\\.07;[^\\r\\n]*\\r\\n", "")),
                "poa-v2.csv", "ana", "Se elimina 11.05.07");
        assertThat(plans.operationStatus(year, "11.05.07"))
                .isEqualTo(new OperationStatus("11.05.07", OperationStatus.State.DROPPED, 1, 2));
        assertThat(plans.operationStatus(year, "11.05.06").state()).isEqualTo(OperationStatus.State.ACTIVE);
        assertThat(plans.operationStatus(year, "99.01.01").state()).isEqualTo(OperationStatus.State.UNKNOWN);
        assertThat(plans.diff(year, 1, 2).orElseThrow().removedOperations()).containsExactly("11.05.07");
    }
}
