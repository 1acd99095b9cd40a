package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.hub.finance.StaffActions;
import org.poahub.hub.finance.mapping.BudgetMappingRepository;
import org.poahub.hub.finance.mapping.BudgetMappingService;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Run;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.ExtractOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reconciliation on the real PostgreSQL with SENAVEX 2020 figures checked by hand (illustrative mapping, the
 * sample execution extract, a voucher listing of the test's own and regional expenditure reports written as ingest
 * writes them). Runs are computed after extract and mapping loads, on demand and by the periodic check.
 *
 * <pre>
 * line (category / partida / column / region)   SIGEP          regions                              status
 * 11-0000-004 / 11700 / Columna 1 / BO-L        1,194,361.25   600,000.00 + 594,361.25 (11.04.01, .02) CONCILIADO (shared category)
 * 11-0000-004 / 25220 / Columna 1 / BO-C           45,200.00   9,040.00 + 36,160.00                 CONCILIADO
 * 11-0000-004 / 25220 / Columna 1 / BO-L           98,500.00   12,300 + 9,040 + 5,000 + 66,160      DIFERENCIA 6,000.00 = 6.09 %
 * 11-0000-005 / 11700 / Columna 1 / BO-L          987,800.00   —                                    SOLO_EN_SIGEP
 * 11-0000-005 / 11700 / Columna 1 / BO-S                   —   5,000.00                             SOLO_EN_REGIONALES
 * 12-0000-001 / 26990 / Columna 1 / BO-L            2,500.00   2,500.00                             CONCILIADO
 * total                                         2,328,361.25   1,339,561.25                         difference 988,800.00
 * (program 12's total row says 2,500.50: a SIGEP DIFERENCIA line of 0.50, reported apart)
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StaffActions.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationIT {

    static final String PASSWORD = UUID.randomUUID().toString();
    static final String PLANIFICADOR = "planificadora:" + PASSWORD;
    static final String CONSULTA = "consulta:" + PASSWORD;
    static final String REGIONAL_BO_C = "regional-bo-c:" + PASSWORD;

    static final String VOUCHERS = """
            Reporte;Comprobantes C-31
            Gestión;2020
            Fecha de corte;30/06/2020

            Comprobante;Fecha;Etapa;Estado;DA;UE;Partida;Fuente;Organismo;Importe;Beneficiario;Revierte a;Tipo de reversión
            C-31 Nº 0000120;15/03/2020;DEVENGADO;APROBADO;1;1;25220;20;230;12.300,00;JUAN PÉREZ;;
            C-31 Nº 0000121;31/03/2020;PAGADO;APROBADO;2;2;25220;20;230;9.040,00;MARÍA QUISPE;;
            C-31 Nº 0000135;10/04/2020;DEVENGADO;APROBADO;1;1;26990;20;230;2.500,00;IMPRENTA ILLIMANI SRL;;
            C-31 Nº 0000140;20/04/2020;DEVENGADO;APROBADO;1;1;25220;20;230;-2.000,00;JUAN PÉREZ;C-31 Nº 0000120;PARCIAL
            C-31 Nº 0000150;05/05/2020;DEVENGADO;APROBADO;2;2;25220;20;230;36.160,00;ANA MAMANI;;
            C-31 Nº 0000160;20/05/2020;DEVENGADO;APROBADO;1;1;11700;20;230;600.000,00;PLANILLA MAYO;;
            C-31 Nº 0000170;25/05/2020;DEVENGADO;APROBADO;1;1;25220;20;230;5.000,00;LUIS CHOQUE;;
            C-31 Nº 0000171;28/05/2020;DEVENGADO;APROBADO;1;1;25220;20;230;-5.000,00;LUIS CHOQUE;C-31 Nº 0000170;TOTAL
            """;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.finance.reconciliation.recheck-interval", () -> "1h");
        String[][] users = {{"planificadora", "PLANIFICADOR", null}, {"consulta", "CONSULTA", null},
                {"regional-bo-c", "REGIONAL", "BO-C"}};
        RealServers.registerUsers(registry, PASSWORD, users);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient sql;

    @Autowired
    BudgetMappingService mappings;

    @Autowired
    ExtractFileHandler extracts;

    @Autowired
    ReconciliationTriggers triggers;

    @Autowired
    StaffActions audit;

    @Autowired
    ReconciliationService reconciliation;

    @Autowired
    JdbcReconciliationRepository repository;

    @Autowired
    BudgetMappingRepository mappingRepository;

    @Autowired
    TransactionTemplate transactions;

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong offset = new AtomicLong();
    private long executionExtract;
    private long voucherExtract;

    @BeforeAll
    void mappingReportsAndExtracts() throws IOException {
        byte[] mapping;
        try (InputStream in = getClass().getResourceAsStream("/finance/mapeo-senavex-2020-ilustrativo.csv")) {
            mapping = in.readAllBytes();
        }
        mappings.load(mapping, "mapeo.csv", "planificadora");
        expenditure("BO-L", "11.04.01", "11700", "600000.00", "2020-05-20", null);
        expenditure("BO-L", "11.04.02", "11700", "594361.25", "2020-06-20", null);
        expenditure("BO-L", "11.04.02", "25220", "12300.00", "2020-03-15", "C-31 Nº 120");
        expenditure("BO-L", "11.04.03", "25220", "9040.00", "2020-03-31", "0121");
        expenditure("BO-L", "11.04.02", "25220", "5000.00", "2020-05-25", "170");
        expenditure("BO-L", "11.04.04", "25220", "66160.00", "2020-06-10", null);
        expenditure("BO-L", "04.01.01", "26990", "2500.00", "2020-04-11", "c31 n° 135");
        expenditure("BO-C", "11.04.02", "25220", "9040.00", "2020-03-31", "121");
        expenditure("BO-C", "11.04.05", "25220", "36160.00", "2020-05-05", "150");
        expenditure("BO-S", "11.05.01", "11700", "5000.00", "2020-05-05", "C-31 999");
        // not counted: spent after the cut-off, and a rejected report
        expenditure("BO-L", "11.04.02", "25220", "1000.00", "2020-07-02", "C-31 777");
        report("REJECTED", "BO-L", "11.04.02", "25220", "3000.00", "2020-06-01", null);

        voucherExtract = load("comprobantes.csv", VOUCHERS);
        executionExtract = load("ejecucion.csv", sample("ejecucion-senavex-2020-06-30.csv"));
    }

    @Test
    @Order(1)
    void eachExtractLoadRecomputedTheReconciliationWithTheExtractsInForce() {
        List<String> triggersSeen = sql.sql("select trigger from finance_reconciliation_run where fiscal_year = 2020"
                + " order by id").query(String.class).list();
        assertThat(triggersSeen).hasSize(2);
        assertThat(triggersSeen.get(0)).startsWith("extracto COMPROBANTES " + voucherExtract);
        assertThat(triggersSeen.get(1)).startsWith("extracto EJECUCION " + executionExtract);

        JsonNode summary = getJson("/api/finance/reconciliation/2020", CONSULTA);
        assertThat(summary.path("cutOff").asString()).isEqualTo("2020-06-30");
        assertThat(summary.path("executionExtract").path("id").asLong()).isEqualTo(executionExtract);
        assertThat(summary.path("voucherExtract").path("id").asLong()).isEqualTo(voucherExtract);
        assertThat(summary.path("tolerance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(summary.path("reportsCounted").asInt()).isEqualTo(10);
        assertThat(summary.path("reportsAsOf").isNull()).isFalse();
        assertThat(summary.path("computedAt").asString()).isNotBlank();
    }

    @Test
    @Order(2)
    void eachLineStatusWithItsFiguresCheckedByHand() {
        List<JsonNode> lines = items(getJson("/api/finance/reconciliation/2020/lines", CONSULTA));
        assertThat(lines).hasSize(6);

        JsonNode shared = line(lines, "11-0000-004", "11700", "BO-L");
        assertThat(shared.path("status").asString()).isEqualTo("CONCILIADO");
        assertThat(shared.path("operationCode").asString()).isEmpty();
        assertThat(items(shared.path("operations"))).extracting(JsonNode::asString)
                .containsExactly("11.04.01", "11.04.02", "11.04.03", "11.04.04", "11.04.05", "11.04.06");
        assertThat(shared.path("sigepDevengado").decimalValue()).isEqualByComparingTo("1194361.25");
        assertThat(shared.path("regionalSpent").decimalValue()).isEqualByComparingTo("1194361.25");
        assertThat(shared.path("fuente").asString()).isEqualTo("20");
        assertThat(shared.path("organismo").asString()).isEqualTo("230");
        assertThat(shared.path("fundingColumn").asString()).isEqualTo("Columna 1");

        assertThat(line(lines, "11-0000-004", "25220", "BO-C").path("status").asString()).isEqualTo("CONCILIADO");

        JsonNode difference = line(lines, "11-0000-004", "25220", "BO-L");
        assertThat(difference.path("status").asString()).isEqualTo("DIFERENCIA");
        assertThat(difference.path("sigepDevengado").decimalValue()).isEqualByComparingTo("98500.00");
        assertThat(difference.path("regionalSpent").decimalValue()).isEqualByComparingTo("92500.00");
        assertThat(difference.path("difference").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(difference.path("differencePercent").decimalValue()).isEqualByComparingTo("6.09");

        JsonNode onlySigep = line(lines, "11-0000-005", "11700", "BO-L");
        assertThat(onlySigep.path("status").asString()).isEqualTo("SOLO_EN_SIGEP");
        assertThat(onlySigep.path("difference").decimalValue()).isEqualByComparingTo("987800.00");
        assertThat(onlySigep.path("differencePercent").decimalValue()).isEqualByComparingTo("100.00");

        JsonNode onlyRegions = line(lines, "11-0000-005", "11700", "BO-S");
        assertThat(onlyRegions.path("status").asString()).isEqualTo("SOLO_EN_REGIONALES");
        assertThat(onlyRegions.path("difference").decimalValue()).isEqualByComparingTo("-5000.00");
        assertThat(onlyRegions.path("differencePercent").isNull()).isTrue();

        JsonNode program12 = line(lines, "12-0000-001", "26990", "BO-L");
        assertThat(program12.path("status").asString()).isEqualTo("CONCILIADO");
        assertThat(items(program12.path("operations"))).extracting(JsonNode::asString)
                .containsExactly("04.01.01", "04.01.02");
    }

    @Test
    @Order(3)
    void theSummaryTotalsAddUpAndSigepsOwnDifferenceIsApart() {
        JsonNode summary = getJson("/api/finance/reconciliation/2020", CONSULTA);

        JsonNode total = summary.path("linesTotal");
        assertThat(total.path("count").asInt()).isEqualTo(6);
        assertThat(total.path("sigep").decimalValue()).isEqualByComparingTo("2328361.25");
        assertThat(total.path("regional").decimalValue()).isEqualByComparingTo("1339561.25");
        assertThat(total.path("difference").decimalValue()).isEqualByComparingTo("988800.00");
        BigDecimal sumOfStatuses = BigDecimal.ZERO;
        for (JsonNode status : items(summary.path("lines"))) {
            sumOfStatuses = sumOfStatuses.add(status.path("difference").decimalValue());
        }
        assertThat(sumOfStatuses).isEqualByComparingTo("988800.00");
        assertThat(status(summary, "CONCILIADO").path("count").asInt()).isEqualTo(3);
        assertThat(status(summary, "DIFERENCIA").path("count").asInt()).isEqualTo(1);
        assertThat(status(summary, "SOLO_EN_SIGEP").path("sigep").decimalValue()).isEqualByComparingTo("987800.00");
        assertThat(status(summary, "SOLO_EN_REGIONALES").path("regional").decimalValue())
                .isEqualByComparingTo("5000.00");

        assertThat(items(summary.path("sigepAdjustments"))).singleElement().satisfies(a -> {
            assertThat(a.path("programa").asString()).isEqualTo("12");
            assertThat(a.path("devengado").decimalValue()).isEqualByComparingTo("0.50");
        });
        assertThat(summary.path("findingsTotal").asInt()).isEqualTo(8);
    }

    @Test
    @Order(4)
    void eachVoucherFinding() {
        List<JsonNode> findings = items(getJson("/api/finance/reconciliation/2020/vouchers", CONSULTA));

        assertThat(findings).extracting(f -> f.path("number").asString() + ":" + f.path("finding").asString()
                        + ":" + f.path("regionCode").asString())
                .containsExactly("120:DIFERENCIA_IMPORTE:BO-L", "121:RECLAMADO_DOS_VECES:BO-L",
                        "121:RECLAMADO_DOS_VECES:BO-C", "135:DIFERENCIA_FECHA:BO-L", "150:CONCILIADO:BO-C",
                        "160:SOLO_EN_SIGEP:BO-L", "170:REVERTIDO_SOLO_EN_SIGEP:BO-L", "999:SOLO_EN_REGIONALES:BO-S");
        JsonNode amount = findings.get(0);
        assertThat(amount.path("sigepAmount").decimalValue()).isEqualByComparingTo("10300.00");
        assertThat(amount.path("regionalAmount").decimalValue()).isEqualByComparingTo("12300.00");
        assertThat(amount.path("detail").asString()).isEqualTo("SIGEP Bs 10300.00, regional Bs 12300.00"
                + " (diferencia Bs -2000.00)");
        assertThat(findings.get(3).path("sigepDate").asString()).isEqualTo("2020-04-10");
        assertThat(findings.get(3).path("regionalDate").asString()).isEqualTo("2020-04-11");
        assertThat(items(getJson("/api/finance/reconciliation/2020/vouchers?finding=reclamado_dos_veces",
                CONSULTA))).hasSize(2);
    }

    @Test
    @Order(5)
    void linesFilterByStatusOperationPartidaAndRegion() {
        assertThat(items(getJson("/api/finance/reconciliation/2020/lines?status=DIFERENCIA", CONSULTA)))
                .hasSize(1);
        // 11.04.03 is behind the three lines of its shared category
        assertThat(items(getJson("/api/finance/reconciliation/2020/lines?operation=11.04.03", CONSULTA)))
                .hasSize(3);
        assertThat(items(getJson("/api/finance/reconciliation/2020/lines?partida=11700", CONSULTA))).hasSize(3);
        assertThat(items(getJson("/api/finance/reconciliation/2020/lines?region=BO-L&status=CONCILIADO",
                CONSULTA))).hasSize(2);
        HttpResponse<String> unknown = HubHttp.get(port, "/api/finance/reconciliation/2020/lines?status=foo", CONSULTA);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("detail").asString()).isEqualTo("estado desconocido 'foo'; use"
                + " uno de: CONCILIADO, SOLO_EN_SIGEP, SOLO_EN_REGIONALES, DIFERENCIA");
    }

    @Test
    @Order(6)
    void aRegionalUserSeesOnlyItsRegion() {
        List<JsonNode> lines = items(getJson("/api/finance/reconciliation/2020/lines", REGIONAL_BO_C));
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.path("regionCode").asString()).isEqualTo("BO-C");
            assertThat(l.path("sigepDevengado").decimalValue()).isEqualByComparingTo("45200.00");
        });
        assertThat(items(getJson("/api/finance/reconciliation/2020/vouchers", REGIONAL_BO_C)))
                .extracting(f -> f.path("number").asString() + ":" + f.path("finding").asString())
                .containsExactly("121:RECLAMADO_DOS_VECES", "150:CONCILIADO");
        JsonNode summary = getJson("/api/finance/reconciliation/2020", REGIONAL_BO_C);
        assertThat(summary.path("region").asString()).isEqualTo("BO-C");
        assertThat(summary.path("linesTotal").path("sigep").decimalValue()).isEqualByComparingTo("45200.00");
        assertThat(items(summary.path("sigepAdjustments"))).isEmpty();

        HttpResponse<String> other = HubHttp.get(port, "/api/finance/reconciliation/2020/lines?region=BO-L",
                REGIONAL_BO_C);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json.readTree(other.body()).path("detail").asString())
                .isEqualTo("La región BO-L no corresponde a su cuenta.");
        assertThat(HubHttp.get(port, "/api/finance/reconciliation/2020/vouchers?region=BO-L", REGIONAL_BO_C)
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/finance/reconciliation/2020", REGIONAL_BO_C).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void theWorkbookHasLinesVouchersAndSummaryWhoseTotalsAddUp() throws IOException {
        HttpResponse<byte[]> response = HubHttp.send(HubHttp.request(port, "/api/finance/reconciliation/2020.xlsx",
                CONSULTA).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("conciliacion-2020-2020-06-30.xlsx"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Líneas", "Comprobantes", "Resumen");
            Sheet lines = workbook.getSheet("Líneas");
            int last = lines.getLastRowNum();
            assertThat(last).isEqualTo(7);
            double sigep = 0;
            double regional = 0;
            double difference = 0;
            for (int r = 1; r < last; r++) {
                sigep += lines.getRow(r).getCell(8).getNumericCellValue();
                regional += lines.getRow(r).getCell(9).getNumericCellValue();
                difference += lines.getRow(r).getCell(10).getNumericCellValue();
            }
            Row total = lines.getRow(last);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total (6 líneas)");
            assertThat(decimal(total.getCell(8).getNumericCellValue())).isEqualByComparingTo("2328361.25")
                    .isEqualByComparingTo(decimal(sigep));
            assertThat(decimal(total.getCell(9).getNumericCellValue())).isEqualByComparingTo("1339561.25")
                    .isEqualByComparingTo(decimal(regional));
            assertThat(decimal(total.getCell(10).getNumericCellValue())).isEqualByComparingTo("988800.00")
                    .isEqualByComparingTo(decimal(difference));
            assertThat(lines.getRow(1).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");

            Sheet vouchers = workbook.getSheet("Comprobantes");
            assertThat(vouchers.getLastRowNum()).isEqualTo(8);
            assertThat(vouchers.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Diferencia de importe");

            Sheet summary = workbook.getSheet("Resumen");
            Row statusTotal = rowStartingWith(summary, "Total");
            assertThat(statusTotal.getCell(1).getNumericCellValue()).isEqualTo(6);
            assertThat(decimal(statusTotal.getCell(2).getNumericCellValue())).isEqualByComparingTo("2328361.25");
            assertThat(decimal(statusTotal.getCell(4).getNumericCellValue())).isEqualByComparingTo("988800.00");
            assertThat(rowStartingWith(summary, "Fecha de corte").getCell(1).getStringCellValue())
                    .isEqualTo("30/06/2020");
            assertThat(rowStartingWith(summary, "Total de hallazgos").getCell(1).getNumericCellValue())
                    .isEqualTo(8);
        }

        HttpResponse<byte[]> regional = HubHttp.send(HubHttp.request(port, "/api/finance/reconciliation/2020.xlsx",
                REGIONAL_BO_C).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(regional.body()))) {
            assertThat(workbook.getSheet("Líneas").getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    @Order(8)
    void onDemandNeedsAMappingIsForPlannersAndIsAudited() {
        HttpResponse<String> noMapping = post("/api/finance/reconciliation/2021", PLANIFICADOR);
        assertThat(noMapping.statusCode()).isEqualTo(409);
        assertThat(noMapping.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(json.readTree(noMapping.body()).path("detail").asString()).isEqualTo("Para conciliar la gestión"
                + " 2021 primero debe cargarse el mapeo presupuestario (POST /api/finance/mapping).");
        assertThat(post("/api/finance/reconciliation/2020", CONSULTA).statusCode()).isEqualTo(403);
        assertThat(HubHttp.get(port, "/api/finance/reconciliation/2019", CONSULTA).statusCode()).isEqualTo(404);

        HttpResponse<String> run = post("/api/finance/reconciliation/2020", PLANIFICADOR);

        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        JsonNode summary = json.readTree(run.body());
        assertThat(summary.path("trigger").asString()).isEqualTo("a pedido de planificadora");
        assertThat(summary.path("linesTotal").path("difference").decimalValue()).isEqualByComparingTo("988800.00");
        assertThat(audit.of("FINANCE_RECONCILIATION_RUN")).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("planificadora");
            assertThat(a.target()).isEqualTo("conciliacion/2020/2020-06-30");
            assertThat(a.after()).containsEntry("runId", summary.path("runId").asLong());
        });
    }

    @Test
    @Order(9)
    void aSecondExtractForTheSameCutOffSupersedesTheFirstAndIsReconciled() throws IOException {
        String corrected = sample("ejecucion-senavex-2020-06-30.csv")
                .replace(";98.500,00;98.500,00", ";92.500,00;92.500,00")
                .replace("2.280.661,25;2.280.661,25", "2.274.661,25;2.274.661,25");

        long second = load("ejecucion-corregida.csv", corrected);

        JsonNode summary = getJson("/api/finance/reconciliation/2020", CONSULTA);
        assertThat(summary.path("executionExtract").path("id").asLong()).isEqualTo(second).isNotEqualTo(
                executionExtract);
        assertThat(summary.path("executionExtract").path("version").asInt()).isEqualTo(2);
        assertThat(summary.path("trigger").asString()).startsWith("extracto EJECUCION " + second + " (versión 2");
        JsonNode line = line(items(getJson("/api/finance/reconciliation/2020/lines", CONSULTA)), "11-0000-004",
                "25220", "BO-L");
        assertThat(line.path("status").asString()).isEqualTo("CONCILIADO");
        assertThat(line.path("sigepDevengado").decimalValue()).isEqualByComparingTo("92500.00");
        assertThat(summary.path("linesTotal").path("difference").decimalValue()).isEqualByComparingTo("982800.00");
        assertThat(items(summary.path("sigepAdjustments"))).hasSize(1);
    }

    @Test
    @Order(10)
    void aLateRegionalReportMakesThePeriodicCheckRecompute() {
        long before = latestRun();
        triggers.recheck();
        assertThat(latestRun()).as("nothing new: no run").isEqualTo(before);

        expenditure("BO-L", "11.05.03", "11700", "987800.00", "2020-06-15", null);
        triggers.recheck();

        assertThat(latestRun()).isGreaterThan(before);
        JsonNode summary = getJson("/api/finance/reconciliation/2020", CONSULTA);
        assertThat(summary.path("trigger").asString()).startsWith("reportes regionales de gasto nuevos");
        assertThat(summary.path("reportsCounted").asInt()).isEqualTo(11);
        assertThat(line(items(getJson("/api/finance/reconciliation/2020/lines", CONSULTA)), "11-0000-005", "11700",
                "BO-L").path("status").asString()).isEqualTo("CONCILIADO");
        assertThat(summary.path("linesTotal").path("difference").decimalValue()).isEqualByComparingTo("-5000.00");
    }

    @Test
    @Order(11)
    void aNewMappingVersionRecomputesAndAnUnmappedRegionIsNational() throws IOException {
        long before = latestRun();
        String withoutBoS;
        try (InputStream in = getClass().getResourceAsStream("/finance/mapeo-senavex-2020-ilustrativo.csv")) {
            withoutBoS = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("REGION;BO-S;;;;;;3;3\n", "");
        }

        var loaded = mappings.load(withoutBoS.getBytes(StandardCharsets.UTF_8), "mapeo-v2.csv", "planificadora");

        assertThat(loaded.created()).isTrue();
        assertThat(latestRun()).isGreaterThan(before);
        JsonNode summary = getJson("/api/finance/reconciliation/2020", CONSULTA);
        assertThat(summary.path("trigger").asString()).isEqualTo("mapeo presupuestario versión 2 vigente");
        assertThat(line(items(getJson("/api/finance/reconciliation/2020/lines?status=SOLO_EN_REGIONALES",
                CONSULTA)), "11-0000-005", "11700", "").path("regionalSpent").decimalValue())
                .isEqualByComparingTo("5000.00");
    }

    // ---- helpers

    @Test
    @Order(12)
    void everyStoredFindingReadsBackExactlyAsTheMatcherMadeIt() {
        // a listing that supersedes the first: 150, 402 and 403 reconcile with one claim and no reversal (kept as keys,
        // V28), 120 now nets its reversal against a regional reversal and 401 two claims (kept as rows)
        load("comprobantes-2.csv", VOUCHERS + """
                C-31 Nº 0000401;01/06/2020;DEVENGADO;APROBADO;1;1;25220;20;230;1.000,00;JUAN PÉREZ;;
                C-31 Nº 0000402;02/06/2020;DEVENGADO;APROBADO;1;1;25220;20;230;500,00;JUAN PÉREZ;;
                C-31 Nº 0000403;03/06/2020;DEVENGADO;APROBADO;2;2;25220;20;230;700,00;ANA MAMANI;;
                """);
        expenditure("BO-L", "11.04.02", "25220", "-2000.00", "2020-03-15", "120");
        expenditure("BO-L", "11.04.02", "25220", "600.00", "2020-06-01", "401");
        expenditure("BO-L", "11.04.02", "25220", "400.00", "2020-06-01", "0401");
        expenditure("BO-L", "11.04.02", "25220", "500.00", "2020-06-02", "C-31 402");
        expenditure("BO-C", "11.04.05", "25220", "700.00", "2020-06-03", "403");
        long run = reconciliation.run(2020, "prueba", null);

        List<Finding> made = transactions.execute(tx -> {
            Run stored = repository.run(run).orElseThrow();
            LineKeys keys = new LineKeys(mappingRepository.mapping(mappingRepository.current(2020).orElseThrow(), ""));
            List<VoucherReconciler.Result> results = new VoucherReconciler(stored.tolerance())
                    .reconcile(repository.vouchers(stored.voucherExtractId(), keys),
                            repository.claims(2020, stored.cutOff()));
            List<Finding> numbered = new ArrayList<>();
            results.forEach(r -> numbered.add(Finding.of(numbered.size() + 1, r)));
            return numbered;
        });

        assertThat(made).extracting(f -> f.number() + ":" + f.finding()).containsExactly("120:CONCILIADO",
                "121:RECLAMADO_DOS_VECES", "121:RECLAMADO_DOS_VECES", "135:DIFERENCIA_FECHA", "150:CONCILIADO",
                "160:SOLO_EN_SIGEP", "170:REVERTIDO_SOLO_EN_SIGEP", "401:CONCILIADO", "402:CONCILIADO",
                "403:CONCILIADO", "999:SOLO_EN_REGIONALES");
        assertThat(sql.sql("select cardinality(message_ids) from finance_reconciled_vouchers where run_id = ?")
                .param(run).query(Integer.class).single()).as("150, 402, 403 kept as keys").isEqualTo(3);
        assertThat(repository.findings(run, null, null)).isEqualTo(made);
        assertThat(repository.findings(run, "BO-C", null))
                .isEqualTo(made.stream().filter(f -> "BO-C".equals(f.regionCode())).toList());
        assertThat(repository.findings(run, null, "CONCILIADO"))
                .isEqualTo(made.stream().filter(f -> f.finding().equals("CONCILIADO")).toList());
        assertThat(repository.findings(run, "BO-L", "SOLO_EN_REGIONALES")).isEqualTo(made.stream()
                .filter(f -> f.finding().equals("SOLO_EN_REGIONALES") && "BO-L".equals(f.regionCode())).toList());
    }

    @Test
    @Order(13)
    void theMatcherOrdersClaimsThatArrivedTogetherAsPostgresqlOrdersTheirIds() {
        // the claims query no longer sorts: the matcher's ARRIVAL order must be the one "order by received_at,
        // message_id" gave, also for the ids of one ingest batch (one received_at) whose first byte is 0x80 or more
        Instant batch = Instant.parse("2020-06-30T12:00:00Z");
        List<RegionalClaim> claims = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            claims.add(new RegionalClaim(UUID.randomUUID(), "BO-L", "1", LocalDate.of(2020, 6, 1), BigDecimal.ONE,
                    batch));
        }
        List<UUID> byPostgresql = sql.sql("select u from unnest(?::uuid[]) as u order by u")
                .param(claims.stream().map(c -> c.messageId().toString()).toArray(String[]::new))
                .query(UUID.class).list();

        claims.sort(VoucherReconciler.ARRIVAL);

        assertThat(claims).extracting(RegionalClaim::messageId).containsExactlyElementsOf(byPostgresql);
    }

    private long load(String name, String content) {
        ExtractOutcome outcome = extracts.handle(name, content.getBytes(StandardCharsets.UTF_8), "file:test");
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(ExtractOutcome.Loaded.class);
        return ((ExtractOutcome.Loaded) outcome).extract().id();
    }

    private void expenditure(String region, String operation, String partida, String amount, String spentOn,
            String document) {
        report("ACCEPTED", region, operation, partida, amount, spentOn, document);
    }

    private void report(String status, String region, String operation, String partida, String amount,
            String spentOn, String document) {
        long n = offset.incrementAndGet();
        sql.sql("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, object_code, funding_source, amount, spent_on, document_number, reported_at,
                    raw_payload, schema_id, topic, kafka_partition, kafka_offset)
                values (?, 'EXPENDITURE', ?, ?, ?, ?, 2020, ?, ?, 'Columna 1', ?, ?, ?, now(), '\\x00'::bytea, 1, ?,
                    0, ?)""")
                .params(UUID.randomUUID(), status, region, "agent-" + region.toLowerCase(java.util.Locale.ROOT), n,
                        operation, partida, new BigDecimal(amount), Date.valueOf(LocalDate.parse(spentOn)), document,
                        "poa." + region.toLowerCase(java.util.Locale.ROOT) + ".expenditure", n)
                .update();
    }

    private long latestRun() {
        return sql.sql("select max(id) from finance_reconciliation_run where fiscal_year = 2020").query(Long.class)
                .single();
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = ExtractFileHandler.class.getResourceAsStream("ejemplos/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> post(String path, String credentials) {
        return HubHttp.send(HubHttp.request(port, path, credentials).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, String credentials) {
        HttpResponse<String> response = HubHttp.get(port, path, credentials);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode line(List<JsonNode> lines, String category, String partida, String region) {
        return lines.stream().filter(l -> l.path("category").asString().equals(category)
                        && l.path("partida").asString().equals(partida) && l.path("regionCode").asString().equals(region))
                .findFirst().orElseThrow(() -> new AssertionError("no line " + category + "/" + partida + "/"
                        + region + " in " + lines));
    }

    private static JsonNode status(JsonNode summary, String status) {
        return items(summary.path("lines")).stream().filter(s -> s.path("status").asString().equals(status))
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static Row rowStartingWith(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row '" + label + "'");
    }
}
