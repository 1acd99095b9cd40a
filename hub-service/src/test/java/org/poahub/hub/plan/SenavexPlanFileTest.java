package org.poahub.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poahub.plan.Action;
import org.poahub.plan.BudgetLine;
import org.poahub.plan.Operation;
import org.poahub.plan.Plan;
import org.poahub.plan.TargetKind;

/** The shipped SENAVEX 2020 plan against the seed ({@code shared/seeds/000_2d63ad72dd175249.txt}). */
class SenavexPlanFileTest {

    private final Plan plan = ShippedPlans.senavexFromCsv();

    private static BigDecimal bs(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void headerAndStructure() {
        assertThat(plan.fiscalYear()).isEqualTo(2020);
        assertThat(plan.entityCode()).isEqualTo("41");
        assertThat(plan.entityAcronym()).isEqualTo("SENAVEX");
        assertThat(plan.fundingColumns()).containsExactly("Columna 1", "Columna 2");
        assertThat(plan.objectives()).extracting(o -> o.code()).containsExactly("04", "11");
        assertThat(plan.operations()).hasSize(46);
        Map<String, Integer> weights = new LinkedHashMap<>();
        plan.actions().forEach(a -> weights.put(a.code(), a.weight()));
        assertThat(weights).containsExactly(Map.entry("04.01", 50), Map.entry("04.02", 50), Map.entry("11.01", 20),
                Map.entry("11.02", 5), Map.entry("11.03", 30), Map.entry("11.04", 30), Map.entry("11.05", 15));
        assertThat(plan.actions()).extracting(a -> a.operations().size()).containsExactly(2, 6, 19, 2, 4, 6, 7);
        assertThat(plan.action("11.02").map(Action::name)).contains("HOMOLOGACIÓN DEL CERTIFICADO DE ORIGEN DIGITAL (COD) "
                + "PARA FACILITACIÓN DEL COMERCIO EXTERIOR CON ÉNFASIS EN PAÍSES MIEMBROS DE LA ALADI");
    }

    @Test
    void everyBudgetLineOfTheSeed() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("04.01.02", List.of("20000=12000.00"));
        expected.put("11.01.05", List.of("20000=70000.00"));
        expected.put("11.01.12", List.of("20000=43741.00"));
        expected.put("11.01.14", List.of("20000=350343.00", "40000=98500.00"));
        expected.put("11.01.19", List.of("20000=16000.00"));
        expected.put("11.03.03", List.of("20000=39000.00"));
        expected.put("11.03.04", List.of("20000=62500.00"));
        expected.put("11.04.02", List.of("10000=4777445.00", "20000=865426.00", "30000=461720.00", "40000=111300.00",
                "80000=1497172.00"));
        expected.put("11.04.03", List.of("10000=76000.00"));
        expected.put("11.05.02", List.of("10000=1975600.00", "20000=631850.00", "30000=215598.00", "40000=16000.00"));
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Operation op : plan.operations()) {
            if (!op.budgetLines().isEmpty()) {
                actual.put(op.code().value(), op.budgetLines().stream().map(l -> l.objectCode() + "=" + l.amount(0)).toList());
            }
            op.budgetLines().forEach(l -> assertThat(l.amount(1)).isEqualTo(bs("0.00")));
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void totals() {
        assertThat(plan.grandTotal()).isEqualTo(bs("11320195.00"));
        assertThat(plan.totalsByFundingColumn()).containsExactly(bs("11320195.00"), bs("0.00"));
        assertThat(plan.totalsByAction().get("11.04").get(0)).isEqualTo(bs("7789063.00"));
        assertThat(plan.totalsByObjective().get("04")).containsExactly(bs("12000.00"), bs("0.00"));
        assertThat(plan.totalsByExpenditureGroup().keySet()).containsExactly("10000", "20000", "30000", "40000", "80000");
        assertThat(plan.totalsByExpenditureGroup().get("20000").get(0)).isEqualTo(bs("2090860.00"));
    }

    @Test
    void textsAndDatesWordForWord() {
        Operation op = plan.operation("04.01.01").orElseThrow();
        assertThat(op.name()).isEqualTo("EVALUAR LAS ADECUACIONES AL SISTEMA INFORMÁTICO PARA LA ADMINISTRACIÓN DE "
                + "AUTORIZACIONES PREVIAS DE IMPORTACIÓN");
        assertThat(op.expectedResult()).isEqualTo("SISTEMA ACTUALIZADO");
        assertThat(op.indicator()).isEqualTo("PORCENTAJE DE AVANCE");
        assertThat(op.target().kind()).isEqualTo(TargetKind.NONE);
        assertThat(op.meansOfVerification()).isEqualTo("INFORME DE AVANCE, NOTAS, ACTAS");
        assertThat(op.start()).isEqualTo(LocalDate.of(2020, 1, 13));
        assertThat(op.end()).isEqualTo(LocalDate.of(2020, 2, 28));
        assertThat(op.responsibleUnit()).isEqualTo("SENAVEX");

        op = plan.operation("11.04.01").orElseThrow();
        assertThat(op.indicator()).isEqualTo("12 Reportes Mensuales de ejecuci?n de recursos");
        assertThat(op.target().value()).isEqualTo(bs("12"));
        assertThat(op.target().kind()).isEqualTo(TargetKind.COUNT);
        assertThat(op.start()).isEqualTo(LocalDate.of(2020, 7, 1));
        assertThat(op.end()).isEqualTo(LocalDate.of(2020, 12, 22));

        op = plan.operation("11.01.14").orElseThrow();
        assertThat(op.name()).isEqualTo("PROYECTO CABLEADO ESTRUCTURADO OFICINA NACIONAL - RRCOS - RECONFIGURACIÓN DEL "
                + "SERVICIO DE RED - RENOVACION DE LICENCIAS DE LA INFRAESTRUCTURA TECNOLOGICA DEL SENAVEX");
        assertThat(op.expectedResult()).isEqualTo("CABLEADO ESTRUCTURADO Y CONFIGURACION DE RED ACTUALIZADA - "
                + "INFRAESTRUCTURA ACTUALIZADA");
        assertThat(op.target().value()).isEqualTo(bs("100"));
        assertThat(op.target().kind()).isEqualTo(TargetKind.PERCENTAGE);
        assertThat(op.start()).isEqualTo(LocalDate.of(2020, 2, 3));

        op = plan.operation("04.01.02").orElseThrow();
        assertThat(op.indicator()).isEqualTo("100% de Nº SOLICITUDES APROBADAS/Nº SOLICITUDES RECIBIDAS X 100");
        assertThat(op.meansOfVerification()).isEqualTo("Nº SOLICITUDES APROBADAS/Nº SOLICITUDES RECIBIDAS X 100");

        op = plan.operation("11.05.07").orElseThrow();
        assertThat(op.meansOfVerification()).isEqualTo("INFORMES TÉCNICOS, NOTAS DE COMUNICACIÓN DE INICIO DE PROCESOS "
                + "Y PRESENTACIÓN DE DESCARGOS, RESOLUCIONES ADMINISTRATIVAS");
        assertThat(op.start()).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(op.end()).isEqualTo(LocalDate.of(2020, 6, 30));

        assertThat(plan.operation("04.02.04").orElseThrow().name())
                .isEqualTo("ATENDER LAS SOLICITUDES PARA CERTIFICADOS DEL SELLO HECHO EN BOLIVIA  Y SELLO SOCIAL BOLIVIANO");
        assertThat(plan.operation("11.02.01").orElseThrow().meansOfVerification())
                .isEqualTo("Informes de avance, Reportes del sistema");
    }

    @Test
    void noRegionalBreakdownMeansEveryRegionCarriesEveryOperation() {
        assertThat(plan.operations()).allMatch(Operation::isNational);
        assertThat(plan.operationsCarriedBy("BO-T")).hasSize(46);
    }

    @Test
    void theShippedXlsxHoldsTheSamePlanAsTheCsv() {
        assertThat(ShippedPlans.senavexFromXlsx()).isEqualTo(plan);
    }

    @Test
    void theEmptyTemplatesAreWellFormed() {
        PlanSheet csv = CsvPlanReader.read(ShippedPlans.bytes("/plans/plantilla-poa.csv"));
        PlanSheet xlsx = XlsxPlanReader.read(ShippedPlans.bytes("/plans/plantilla-poa.xlsx"));
        assertThat(xlsx.rows()).extracting(PlanSheet.Row::cells).isEqualTo(
                csv.rows().stream().map(r -> r.cells().stream().toList()).toList());
        assertThat(csv.rows().get(csv.rows().size() - 1).cells()).startsWith(PlanFileParser.FIXED_COLUMNS.toArray(String[]::new));
    }

    @Test
    void budgetLinesKeepScaleTwo() {
        assertThat(plan.operations().stream().flatMap(o -> o.budgetLines().stream()).flatMap(l -> l.amounts().stream()))
                .allMatch(a -> a.scale() == 2);
        assertThat(plan.operation("11.04.02").orElseThrow().budgetLines()).extracting(BudgetLine::groupCode)
                .containsExactly("10000", "20000", "30000", "40000", "80000");
    }
}
