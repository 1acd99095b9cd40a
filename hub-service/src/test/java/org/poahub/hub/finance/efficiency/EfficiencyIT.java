package org.poahub.hub.finance.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.hub.finance.mapping.BudgetMappingService;
import org.poahub.routes.finance.ExtractFileHandler;
import org.poahub.routes.finance.ExtractOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly physical–financial follow-up, the reconciliation's alerts and its gauges on a real hub and PostgreSQL:
 * the worked example of docs/finance.md (SENAVEX 2020, illustrative mapping, the sample execution extract with cut-off
 * 30/06/2020, regional reports written as ingest writes them, enrichment included) read through the API, the workbook,
 * {@code /api/consolidation/2020/alerts} and {@code /actuator/prometheus}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EfficiencyIT {

    static final String PASSWORD = UUID.randomUUID().toString();
    static final String CONSULTA = "consulta:" + PASSWORD;
    static final String ADMIN = "admin:" + PASSWORD;
    static final String REGIONAL_BO_L = "regional-bo-l:" + PASSWORD;
    static final Duration WAIT = Duration.ofSeconds(60);

    /** One voucher SIGEP has (claimed by BO-L) and none of the two other claims. */
    static final String VOUCHERS = """
            Reporte;Comprobantes C-31
            Gestión;2020
            Fecha de corte;30/06/2020

            Comprobante;Fecha;Etapa;Estado;DA;UE;Partida;Fuente;Organismo;Importe;Beneficiario;Revierte a;Tipo de reversión
            C-31 Nº 0000301;20/05/2020;DEVENGADO;APROBADO;1;1;11700;20;230;1.194.361,25;PLANILLA MAYO;;
            """;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.plan.seed-on-empty", () -> "true");
        registry.add("poa.finance.reconciliation.recheck-interval", () -> "1h");
        registry.add("poa.finance.alerts.gauge-refresh", () -> "500ms");
        String[][] users = {{"consulta", "CONSULTA", null}, {"admin", "ADMIN", null},
                {"regional-bo-l", "REGIONAL", "BO-L"}};
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

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong offset = new AtomicLong();
    private long executionExtract;

    @BeforeAll
    void theWorkedExample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/finance/mapeo-senavex-2020-ilustrativo.csv")) {
            mappings.load(in.readAllBytes(), "mapeo.csv", "planificadora");
        }
        progress("11.04.02", "2", null);
        progress("11.04.03", "3", null);
        progress("11.04.04", "2", null);
        progress("11.04.05", "1", null);
        progress("11.04.06", "100", "100");
        progress("11.05.02", "50", null);
        progress("04.01.01", "100", "100");
        progress("04.01.02", "60", null);
        expenditure("BO-L", "11.04.02", "11700", "1194361.25", "2020-05-20", "C-31 301");
        expenditure("BO-L", "11.04.02", "25220", "98500.00", "2020-04-15", null);
        expenditure("BO-C", "11.04.02", "25220", "45200.00", "2020-05-05", null);
        expenditure("BO-C", "11.05.02", "11700", "900000.00", "2020-05-10", "C-31 999");
        expenditure("BO-L", "04.01.02", "26990", "2500.00", "2020-06-15", "C-31 998");
        // the third quarter's: not in the second
        expenditure("BO-L", "11.04.02", "25220", "1000.00", "2020-07-02", null);

        load("comprobantes.csv", VOUCHERS);
        executionExtract = load("ejecucion.csv", sample("ejecucion-senavex-2020-06-30.csv"));
    }

    @Test
    void theSecondQuarterTakesSigepsDevengadoWhereItCanBeAttributed() {
        JsonNode q2 = getJson("/api/finance/efficiency/2020/q2", CONSULTA);
        assertThat(q2.path("quarterEnd").asString()).isEqualTo("2020-06-30");
        assertThat(q2.path("sigep").path("extractId").asLong()).isEqualTo(executionExtract);
        assertThat(q2.path("sourceNote").asString()).startsWith("Ejecutado: devengado del SIGEP, extracto de ejecución "
                + executionExtract + " (versión 1, corte 30/06/2020) con el mapeo presupuestario versión 1");

        JsonNode action = row(q2, "ACCION", "11.04");
        assertThat(action.path("weight").asInt()).isEqualTo(30);
        assertThat(action.path("source").asString()).isEqualTo("SIGEP");
        assertThat(action.path("executed").decimalValue()).isEqualByComparingTo("1338061.25");
        assertThat(action.path("programmedBudget").decimalValue()).isEqualByComparingTo("4006343.10");
        assertThat(action.path("financialPercent").decimalValue()).isEqualByComparingTo("17.18");
        assertThat(action.path("financialTarget").decimalValue()).isEqualByComparingTo("51.44");
        assertThat(action.path("physicalPercent").decimalValue()).isEqualByComparingTo("44.44");
        assertThat(action.path("physicalTarget").decimalValue()).isEqualByComparingTo("50.88");
        assertThat(action.path("weightedEfficiency").decimalValue()).isEqualByComparingTo("60.37");
        assertThat(action.path("weightedLabel").asString()).isEqualTo("Suficiente");
        assertThat(action.path("relativeEfficiency").decimalValue()).isEqualByComparingTo("2.59");
        assertThat(action.path("relativeLabel").asString()).isEqualTo("Ejecución financiera rezagada");

        JsonNode op = row(q2, "OPERACION", "11.04.02");
        assertThat(op.path("source").asString()).isEqualTo("REGIONALES");
        assertThat(op.path("sourceNote").asString()).contains("11-0000-004");
        assertThat(op.path("weightedEfficiency").decimalValue()).isEqualByComparingTo("65.29");

        JsonNode risk = row(q2, "ACCION", "11.05");
        assertThat(risk.path("executed").decimalValue()).isEqualByComparingTo("987800.00");
        assertThat(risk.path("regionalSpent").decimalValue()).isEqualByComparingTo("900000.00");
        assertThat(risk.path("weightedEfficiency").decimalValue()).isEqualByComparingTo("39.64");
        assertThat(risk.path("weightedLabel").asString()).isEqualTo("Riesgo de incumplimiento");
    }

    @Test
    void aQuarterNoExtractCoversIsTheRegionsAndSaysSo() {
        JsonNode q1 = getJson("/api/finance/efficiency/2020/q1", CONSULTA);
        assertThat(q1.path("sigep").isNull()).isTrue();
        assertThat(q1.path("sourceNote").asString()).isEqualTo("Ejecutado: gasto de los reportes regionales aceptados"
                + " hasta el 31/03/2020 (no hay extracto de ejecución del SIGEP con corte a esa fecha y mapeo"
                + " presupuestario).");
        assertThat(items(q1.path("rows"))).allSatisfy(r -> assertThat(r.path("source").asString())
                .isEqualTo("REGIONALES"));
        JsonNode action = row(q1, "ACCION", "11.04");
        assertThat(action.path("executed").decimalValue()).as("everything was spent from April on")
                .isEqualByComparingTo("0.00");
        assertThat(action.path("relativeLabel").asString()).isEqualTo("Sin avance ni ejecución");

        JsonNode q3 = getJson("/api/finance/efficiency/2020/q3", CONSULTA);
        assertThat(row(q3, "ACCION", "11.04").path("regionalSpent").decimalValue()).as("July's 1,000.00 counts")
                .isEqualByComparingTo("1339061.25");
        assertThat(row(q3, "ACCION", "11.04").path("source").asString()).isEqualTo("REGIONALES");
    }

    @Test
    void badQuartersAndYearsAreRefusedInSpanish() {
        HttpResponse<String> fifth = HubHttp.get(port, "/api/finance/efficiency/2020/q5", CONSULTA);
        assertThat(fifth.statusCode()).isEqualTo(400);
        assertThat(json.readTree(fifth.body()).path("detail").asString())
                .isEqualTo("el trimestre debe ser q1, q2, q3 o q4; se recibió 'q5'");
        HttpResponse<String> letters = HubHttp.get(port, "/api/finance/efficiency/2020/qx", CONSULTA);
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(json.readTree(letters.body()).path("detail").asString()).contains("q1 … q4");
        HttpResponse<String> noPlan = HubHttp.get(port, "/api/finance/efficiency/2031/q1", CONSULTA);
        assertThat(noPlan.statusCode()).isEqualTo(404);
        assertThat(json.readTree(noPlan.body()).path("detail").asString()).isEqualTo("no hay plan para la gestión 2031");
        assertThat(HubHttp.get(port, "/api/finance/efficiency/2020/q2", REGIONAL_BO_L).statusCode()).isEqualTo(403);
    }

    @Test
    void theWorkbookHasTheSameFiguresInSpanish() throws IOException {
        HttpResponse<byte[]> response = HubHttp.send(HubHttp.request(port, "/api/finance/efficiency/2020/q2.xlsx",
                CONSULTA).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("seguimiento-fisico-financiero-2020-t2.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("Seguimiento");
            assertThat(sheet.getRow(0).getCell(16).getStringCellValue()).isEqualTo("Eficiencia ponderada");
            Row action = null;
            for (Row row : sheet) {
                if (row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("11.04")) {
                    action = row;
                }
            }
            assertThat(action).isNotNull();
            assertThat(action.getCell(0).getStringCellValue()).isEqualTo("Acción");
            assertThat(action.getCell(3).getNumericCellValue()).isEqualTo(30);
            assertThat(action.getCell(8).getNumericCellValue()).isEqualTo(1338061.25);
            assertThat(action.getCell(9).getStringCellValue()).isEqualTo("SIGEP (devengado)");
            assertThat(action.getCell(16).getNumericCellValue()).isEqualTo(60.37);
            assertThat(action.getCell(17).getStringCellValue()).isEqualTo("Suficiente");
            assertThat(action.getCell(18).getNumericCellValue()).isEqualTo(2.59);
            assertThat(workbook.getSheet("Notas").getRow(5).getCell(1).getStringCellValue())
                    .startsWith("Ejecutado: devengado del SIGEP");
        }
    }

    @Test
    void theAlertsListCarriesTheReconciliationsFindingsAndTheLaggingSpend() {
        JsonNode national = getJson("/api/consolidation/2020/alerts?asOf=2020-06-30", CONSULTA);
        assertThat(messages(national, "DEVENGADO_WITHOUT_REGIONAL_REPORT")).containsExactly("El SIGEP registra un"
                + " devengado de Bs 987.800,00 en la categoría 11-0000-005, partida 11700 (Columna 1), regional BO-L sin"
                + " ningún reporte regional de gasto al 30/06/2020.");
        assertThat(messages(national, "SPEND_NOT_IN_SIGEP")).as("C-31 998 was spent 15 days before the cut-off")
                .containsExactly("La regional BO-C tiene 1 gasto reportado (Bs 900.000,00) sin registro en el SIGEP 30"
                        + " días o más antes del corte del 30/06/2020: comprobante 999.");

        JsonNode boL = getJson("/api/consolidation/2020/alerts?asOf=2020-06-30", REGIONAL_BO_L);
        assertThat(messages(boL, "DEVENGADO_WITHOUT_REGIONAL_REPORT")).hasSize(1);
        assertThat(messages(boL, "SPEND_NOT_IN_SIGEP")).as("BO-C's, not BO-L's").isEmpty();

        JsonNode before = getJson("/api/consolidation/2020/alerts?asOf=2020-06-29", CONSULTA);
        assertThat(messages(before, "DEVENGADO_WITHOUT_REGIONAL_REPORT")).as("read before the cut-off").isEmpty();
    }

    @Test
    void theOpenDifferencesAreGaugesOnThePrometheusEndpoint() {
        String metrics = await().atMost(WAIT).until(() -> HubHttp.get(port, "/actuator/prometheus", ADMIN).body(),
                body -> value(body, "poa_finance_reconciliation_open_lines", "SOLO_EN_SIGEP") != null);
        // lines: 11-0000-005 / 11700 / BO-L only in SIGEP (987,800.00), / BO-C only in the regions (900,000.00)
        assertThat(value(metrics, "poa_finance_reconciliation_open_lines", "SOLO_EN_SIGEP")).isEqualTo(1.0);
        assertThat(value(metrics, "poa_finance_reconciliation_open_lines", "SOLO_EN_REGIONALES")).isEqualTo(1.0);
        assertThat(value(metrics, "poa_finance_reconciliation_open_lines", "DIFERENCIA")).isEqualTo(0.0);
        assertThat(value(metrics, "poa_finance_reconciliation_open_amount_bolivianos", "SOLO_EN_SIGEP"))
                .isEqualTo(987800.0);
        assertThat(value(metrics, "poa_finance_reconciliation_open_amount_bolivianos", "SOLO_EN_REGIONALES"))
                .isEqualTo(900000.0);
        // vouchers: 999 and 998 claimed, not in SIGEP; 301 reconciled
        assertThat(value(metrics, "poa_finance_reconciliation_open_vouchers", "SOLO_EN_REGIONALES")).isEqualTo(2.0);
        assertThat(value(metrics, "poa_finance_reconciliation_open_vouchers", "SOLO_EN_SIGEP")).isEqualTo(0.0);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)} (\\S+)$",
            Pattern.MULTILINE);

    /** The sample of a gauge for gestión 2020 and this status or finding; null when there is none. */
    private static Double value(String prometheus, String metric, String statusOrFinding) {
        Matcher m = SAMPLE.matcher(prometheus);
        while (m.find()) {
            String labels = m.group(2);
            if (m.group(1).equals(metric) && labels.contains("year=\"2020\"")
                    && (labels.contains("status=\"" + statusOrFinding + "\"")
                    || labels.contains("finding=\"" + statusOrFinding + "\""))) {
                return Double.parseDouble(m.group(3));
            }
        }
        return null;
    }

    private List<String> messages(JsonNode alerts, String code) {
        return items(alerts.path("alerts")).stream().filter(a -> a.path("code").asString().equals(code))
                .map(a -> a.path("message").asString()).toList();
    }

    private static JsonNode row(JsonNode quarter, String level, String code) {
        return items(quarter.path("rows")).stream().filter(r -> r.path("level").asString().equals(level)
                && r.path("code").asString().equals(code)).findFirst().orElseThrow(() -> new AssertionError(
                "no row " + level + " " + code));
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }

    private JsonNode getJson(String path, String credentials) {
        HttpResponse<String> response = HubHttp.get(port, path, credentials);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private long load(String name, String content) {
        ExtractOutcome outcome = extracts.handle(name, content.getBytes(StandardCharsets.UTF_8), "file:test");
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(ExtractOutcome.Loaded.class);
        return ((ExtractOutcome.Loaded) outcome).extract().id();
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = ExtractFileHandler.class.getResourceAsStream("ejemplos/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A progress report of BO-L for April–June, as ingest stores and enriches it (V9: an enrichment is whole), with
     * its month in the running totals.
     */
    private void progress(String operation, String cumulative, String percentComplete) {
        long n = offset.incrementAndGet();
        sql.sql("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, achieved_value, percent_complete, period_start, period_end, reported_at,
                    raw_payload, schema_id, topic, kafka_partition, kafka_offset, plan_version, fiscal_month,
                    fiscal_quarter, report_date, objective_code, action_code, action_weight, target_kind,
                    operation_start, operation_end)
                values (?, 'PROGRESS', 'ACCEPTED', 'BO-L', 'agent-bo-l', ?, 2020, ?, ?, ?, date '2020-04-01',
                    date '2020-06-30', now(), '\\x00'::bytea, 1, 'poa.bo-l.progress', 0, ?, 1, 6, 2,
                    date '2020-06-30', substr(?, 1, 2), substr(?, 1, 5), 0, 'COUNT', date '2020-01-01',
                    date '2020-12-31')""")
                .params(UUID.randomUUID(), n, operation, new BigDecimal(cumulative),
                        percentComplete == null ? null : new BigDecimal(percentComplete), n, operation, operation)
                .update();
        // the month-by-month running totals ingest keeps next to the report (V26), which the quarter is read from
        sql.sql("insert into monthly_progress (fiscal_year, fiscal_month, operation_code, region_code, achieved_value,"
                        + " percent_complete, period_end, reports) values (2020, 6, ?, 'BO-L', ?, ?, date '2020-06-30', 1)")
                .params(operation, new BigDecimal(cumulative),
                        percentComplete == null ? null : new BigDecimal(percentComplete))
                .update();
    }

    private void expenditure(String region, String operation, String partida, String amount, String spentOn,
            String document) {
        long n = offset.incrementAndGet();
        LocalDate day = LocalDate.parse(spentOn);
        String lower = region.toLowerCase(Locale.ROOT);
        sql.sql("""
                insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                    operation_code, object_code, funding_source, amount, spent_on, document_number, reported_at,
                    raw_payload, schema_id, topic, kafka_partition, kafka_offset, plan_version, fiscal_month,
                    fiscal_quarter, report_date, objective_code, action_code, action_weight, target_kind,
                    operation_start, operation_end)
                values (?, 'EXPENDITURE', 'ACCEPTED', ?, ?, ?, 2020, ?, ?, 'Columna 1', ?, ?, ?, now(),
                    '\\x00'::bytea, 1, ?, 0, ?, 1, ?, ?, ?, substr(?, 1, 2), substr(?, 1, 5), 0, 'COUNT',
                    date '2020-01-01', date '2020-12-31')""")
                .params(UUID.randomUUID(), region, "agent-" + lower, n, operation, partida, new BigDecimal(amount),
                        Date.valueOf(day), document, "poa." + lower + ".expenditure", n, day.getMonthValue(),
                        (day.getMonthValue() - 1) / 3 + 1, Date.valueOf(day), operation, operation)
                .update();
        sql.sql("insert into monthly_spend (fiscal_year, fiscal_month, operation_code, region_code, object_code,"
                        + " funding_source, spent, reports) values (2020, ?, ?, ?, ?, 'Columna 1', ?, 1)"
                        + " on conflict (fiscal_year, fiscal_month, operation_code, region_code, object_code,"
                        + " funding_source) do update set spent = monthly_spend.spent + excluded.spent,"
                        + " reports = monthly_spend.reports + 1")
                .params(day.getMonthValue(), operation, region, partida, new BigDecimal(amount))
                .update();
    }
}
