package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.KraftBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worked example of docs/consolidation.md, sent over a real broker through the hub's ingest route (schemas in
 * the hub's own registry, real PostgreSQL with the seeded SENAVEX 2020 plan), then read back through the
 * consolidation API as of 30/06/2020.
 *
 * <p>The broker is this test's own: the shared test broker holds other tests' reports on the same regional topics,
 * which this hub's new consumer group would read from the beginning and add to the figures. The hub is closed after
 * the class ({@code @DirtiesContext}) so it never outlives the broker, which stops with the JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
class ConsolidationWorkedExampleIT {

    private static final KraftBroker BROKER = RealServers.startOwnBroker("consolidation");

    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "agent-writer";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String AS_OF = "?asOf=2020-06-30";
    private static final String PLANNER = RealServers.USER + ":" + RealServers.PASSWORD;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
        RealServers.ownBroker(registry, BROKER::bootstrapServers);
    }

    @Autowired
    JdbcClient jdbc;

    private static KafkaProducer<String, byte[]> producer;
    private static AvroWireSerializer<SpecificRecord> serializer;
    private static boolean sent;
    private static UUID first;
    private static UUID budgetExceeded;

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    /** The eleven reports of the worked example, each sent once the previous one is in the database. */
    private synchronized void sendWorkedExample() {
        if (sent) {
            return;
        }
        serializer = new AvroWireSerializer<>(new RestSchemaRegistryClient(
                RegistryClientConfig.of("http://localhost:" + PORT, WRITER + ":" + WRITER_PASSWORD)),
                Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
        ProgressReport r1 = progress("agent-lp", 1, 3, "1", "11.04.02", null);
        first = r1.getMessageId();
        ExpenditureReport m3 = expenditure("BO-L", "agent-lp", 3, "26990", "30000.00", null);
        ExpenditureReport r9 = expenditure("BO-C", "agent-cb", 1, "43120", "20000.00", null);
        budgetExceeded = r9.getMessageId();
        sendAndAwait(r1);
        sendAndAwait(expenditure("BO-L", "agent-lp", 2, "25220", "120000.00", null));
        sendAndAwait(m3);
        send(m3); // report 4: the same report again; report 5 follows it on the same partition
        sendAndAwait(expenditure("BO-L", "agent-lp", 5, "26990", "-30000.00", m3.getMessageId()));
        sendAndAwait(progress("agent-lp", 6, 6, "2", "11.04.02", null));
        sendAndAwait(progress("agent-lp", 7, 9, "1", "11.04.02", null));
        sendAndAwait(expenditure("BO-L", "agent-lp", 8, "43110", "100000.00", null));
        sendAndAwait(r9);
        sendAndAwait(expenditure("BO-C", "agent-cb", 3, "57100", "5000.00", null));
        sendAndAwait(progress("agent-lp", 11, 9, "1", "99.99.99", null));
        sent = true;
    }

    @Test
    void theReportsAreEnrichedAtIngest() {
        sendWorkedExample();

        assertThat(jdbc.sql("select count(*) from report_enrichment").query(Long.class).single())
                .as("the 8 accepted reports, not the 2 rejected ones nor the duplicate").isEqualTo(8L);
        Map<String, Object> progress = jdbc.sql("select * from report_enrichment where message_id = ?").param(first)
                .query().singleRow();
        assertThat(progress).containsEntry("objective_code", "11").containsEntry("action_code", "11.04")
                .containsEntry("action_weight", 30).containsEntry("region_name", "La Paz")
                .containsEntry("fiscal_month", 3).containsEntry("fiscal_quarter", 1)
                .containsEntry("operation_start", java.sql.Date.valueOf("2020-01-20"))
                .containsEntry("operation_end", java.sql.Date.valueOf("2020-11-30"));
        assertThat((BigDecimal) progress.get("target_value")).isEqualByComparingTo("4");
        assertThat(progress.get("achieved_percent")).isEqualTo(new BigDecimal("25.00"));
        assertThat(progress.get("planned_percent")).isEqualTo(new BigDecimal("22.78"));
        assertThat(progress.get("schedule_variance")).isEqualTo(new BigDecimal("2.22"));
        Map<String, Object> spend = jdbc.sql("select * from report_enrichment where message_id = ?")
                .param(budgetExceeded).query().singleRow();
        assertThat(spend).containsEntry("region_name", "Cochabamba").containsEntry("budget_object_code", "40000")
                .containsEntry("budget_funding_source", "Columna 1")
                .containsEntry("budget_amount", new BigDecimal("111300.00"))
                .containsEntry("cumulative_spend", new BigDecimal("120000.00"))
                .containsEntry("execution_percent", new BigDecimal("107.82"));
        assertThat(jdbc.sql("""
                select string_agg(coalesce(e.execution_percent::text, '-'), ' ' order by r.sequence)
                from report_enrichment e join report r using (message_id)
                where r.kind = 'EXPENDITURE' and r.agent_id = 'agent-lp'""").query(String.class).single())
                .as("reports 2, 3, 5 and 8").isEqualTo("13.87 17.33 13.87 89.85");
    }

    @Test
    void theSCurvesLastReportedMonthIsTheSummaryAsOfThatMonthsEndAndLaterMonthsArePlannedOnly() throws Exception {
        sendWorkedExample();
        JsonNode curve = JSON.readTree(get("/api/consolidation/2020/monthly").body());

        // the latest accepted report of the worked example is the progress period ending in June (September's is
        // rejected), so June's point is the summary as of June 30 -- which is also the summary's default "as of"
        assertThat(curve.path("lastReportedMonth").asInt()).isEqualTo(6);
        assertThat(curve.path("budget").decimalValue()).isEqualByComparingTo("11320195.00");
        JsonNode june = curve.path("months").get(5);
        JsonNode summary = JSON.readTree(get("/api/consolidation/2020/summary").body());
        assertThat(summary.path("asOf").asString()).isEqualTo("2020-06-30");
        assertThat(june.path("monthEnd").asString()).isEqualTo("2020-06-30");
        assertThat(june.path("physicalProgress").decimalValue())
                .isEqualTo(summary.path("progress").path("physicalProgress").decimalValue());
        assertThat(june.path("plannedProgress").decimalValue())
                .isEqualTo(summary.path("progress").path("plannedProgress").decimalValue());
        assertThat(june.path("spent").decimalValue()).isEqualTo(summary.path("money").path("spent").decimalValue());
        assertThat(june.path("executionPercent").decimalValue())
                .isEqualTo(summary.path("money").path("executionPercent").decimalValue());
        for (int month = 7; month <= 12; month++) {
            JsonNode point = curve.path("months").get(month - 1);
            assertThat(point.path("physicalProgress").isNull()).as("month " + month).isTrue();
            assertThat(point.path("plannedProgress").decimalValue()).as("month " + month)
                    .isGreaterThanOrEqualTo(june.path("plannedProgress").decimalValue());
        }
        // February has no accepted report yet: nothing done, nothing spent
        assertThat(curve.path("months").get(1).path("spent").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void theRegionsAreReadOffTheSameFiguresAsTheDrillDown() throws Exception {
        sendWorkedExample();
        JsonNode regions = JSON.readTree(get("/api/consolidation/2020/regions" + AS_OF).body());
        JsonNode op = JSON.readTree(get("/api/consolidation/2020/operations/11.04.02" + AS_OF).body());

        assertThat(regions.path("regions")).hasSize(9);
        JsonNode laPaz = null;
        for (JsonNode r : regions.path("regions")) {
            if ("BO-L".equals(r.path("regionCode").asString())) {
                laPaz = r;
            }
        }
        JsonNode opLaPaz = null;
        for (JsonNode r : op.path("operation").path("regions")) {
            if ("BO-L".equals(r.path("regionCode").asString())) {
                opLaPaz = r;
            }
        }
        assertThat(laPaz.path("regionName").asString()).isEqualTo("La Paz");
        assertThat(laPaz.path("operations").asInt()).isEqualTo(1);
        assertThat(laPaz.path("physicalProgress").decimalValue()).isEqualTo(opLaPaz.path("physicalProgress").decimalValue());
        assertThat(laPaz.path("spent").decimalValue()).isEqualTo(opLaPaz.path("spent").decimalValue());
        // SENAVEX 2020 splits no operation by region: no regional budget, no execution rate
        assertThat(laPaz.path("budget").isNull()).isTrue();
    }

    @Test
    void theSummaryGivesTheEntityFiguresPerObjectiveTheReportCountsAndTheAlerts() throws Exception {
        sendWorkedExample();
        HttpResponse<String> response = get("/api/consolidation/2020/summary" + AS_OF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"budget\":11320195.00");
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("entityAcronym").asString()).isEqualTo("SENAVEX");
        assertThat(summary.get("asOf").asString()).isEqualTo("2020-06-30");
        assertThat(decimal(summary, "progress", "physicalProgress")).isEqualTo("1.25");
        assertThat(decimal(summary, "progress", "plannedProgress")).isEqualTo("55.61");
        assertThat(decimal(summary, "progress", "variance")).isEqualTo("-54.36");
        assertThat(summary.at("/progress/status").asString()).isEqualTo("BEHIND");
        assertThat(summary.at("/progress/statusLabel").asString()).isEqualTo("Retrasada");
        assertThat(decimal(summary, "money", "budget")).isEqualTo("11320195.00");
        assertThat(decimal(summary, "money", "spent")).isEqualTo("245000.00");
        assertThat(decimal(summary, "money", "executionPercent")).isEqualTo("2.16");
        assertThat(summary.get("objectives")).hasSize(2);
        assertThat(summary.at("/objectives/1/code").asString()).isEqualTo("11");
        assertThat(summary.at("/objectives/1/progress/physicalProgress").decimalValue()).isEqualTo(new BigDecimal("2.50"));
        assertThat(summary.at("/objectives/1/progress/plannedProgress").decimalValue()).isEqualTo(new BigDecimal("60.87"));
        assertThat(summary.at("/reports/accepted").asLong()).isEqualTo(6);
        assertThat(summary.at("/reports/acceptedWithWarnings").asLong()).isEqualTo(2);
        assertThat(summary.at("/reports/rejected").asLong()).isEqualTo(2);
        assertThat(summary.get("alerts").asInt()).isEqualTo(25);
    }

    @Test
    void theDrillDownGoesFromObjectiveToActionToOperationToRegion() throws Exception {
        sendWorkedExample();
        JsonNode objective = JSON.readTree(get("/api/consolidation/2020/objectives/11" + AS_OF).body());
        JsonNode action = objective.at("/objective/actions/3");
        assertThat(action.get("code").asString()).isEqualTo("11.04");
        assertThat(action.get("weight").asInt()).isEqualTo(30);
        assertThat(action.at("/progress/physicalProgress").decimalValue()).isEqualTo(new BigDecimal("8.33"));
        assertThat(action.at("/progress/plannedProgress").decimalValue()).isEqualTo(new BigDecimal("50.88"));
        assertThat(action.at("/progress/variance").decimalValue()).isEqualTo(new BigDecimal("-42.55"));
        assertThat(action.at("/progress/statusLabel").asString()).isEqualTo("Retrasada");
        assertThat(action.at("/operations/1/code").asString()).isEqualTo("11.04.02");

        JsonNode op = JSON.readTree(get("/api/consolidation/2020/operations/11.04.02" + AS_OF).body());
        assertThat(op.get("actionCode").asString()).isEqualTo("11.04");
        assertThat(op.at("/operation/cumulativeValue").decimalValue()).isEqualByComparingTo("2");
        assertThat(op.at("/operation/progress/physicalProgress").decimalValue()).isEqualTo(new BigDecimal("50.00"));
        assertThat(op.at("/operation/progress/plannedProgress").decimalValue()).isEqualTo(new BigDecimal("51.58"));
        assertThat(op.at("/operation/progress/status").asString()).isEqualTo("ON_TRACK");
        assertThat(op.at("/operation/money/budget").decimalValue()).isEqualTo(new BigDecimal("7713063.00"));
        assertThat(op.at("/operation/money/executionPercent").decimalValue()).isEqualTo(new BigDecimal("3.18"));
        assertThat(op.at("/operation/regions/0/regionCode").asString()).isEqualTo("BO-C");
        assertThat(op.at("/operation/regions/0/spent").decimalValue()).isEqualTo(new BigDecimal("25000.00"));
        assertThat(op.at("/operation/regions/1/regionName").asString()).isEqualTo("La Paz");
        assertThat(op.at("/operation/regions/1/physicalProgress").decimalValue()).isEqualTo(new BigDecimal("50.00"));
        assertThat(op.at("/operation/regions/1/progressReports").asInt()).isEqualTo(2);
        assertThat(op.get("alerts")).extracting(a -> a.get("code").asString())
                .containsExactly("SPEND_BEHIND_PROGRESS", "BUDGET_LINE_OVERSPENT", "SPEND_WITHOUT_BUDGET");
    }

    @Test
    void expenditureIsByObjectGroupAndFundingColumnNationallyAndPerRegion() throws Exception {
        sendWorkedExample();
        JsonNode expenditure = JSON.readTree(get("/api/consolidation/2020/expenditure" + AS_OF).body());

        JsonNode group40 = null;
        for (JsonNode line : expenditure.get("national")) {
            if (line.get("objectGroup").asString().equals("40000")) {
                group40 = line;
            }
        }
        assertThat(group40).isNotNull();
        assertThat(group40.get("fundingSource").asString()).isEqualTo("Columna 1");
        assertThat(group40.get("budget").decimalValue()).isEqualTo(new BigDecimal("225800.00"));
        assertThat(group40.get("spent").decimalValue()).isEqualTo(new BigDecimal("120000.00"));
        assertThat(group40.get("executionPercent").decimalValue()).isEqualTo(new BigDecimal("53.14"));
        assertThat(expenditure.get("regions")).extracting(r -> r.get("regionCode").asString() + " "
                + r.get("spent").decimalValue()).containsExactly("BO-C 25000.00", "BO-L 220000.00");
    }

    @Test
    void theAlertsAreListedWithCodesAndSpanishMessages() throws Exception {
        sendWorkedExample();
        JsonNode alerts = JSON.readTree(get("/api/consolidation/2020/alerts" + AS_OF).body());

        assertThat(alerts.get("count").asInt()).isEqualTo(25);
        assertThat(alerts.get("alerts")).anySatisfy(a -> {
            assertThat(a.get("code").asString()).isEqualTo("BUDGET_LINE_OVERSPENT");
            assertThat(a.get("message").asString()).isEqualTo("La operación 11.04.02 gastó Bs 120.000,00 en el grupo "
                    + "40000 (Columna 1), por encima de su presupuesto de Bs 111.300,00 (107,82 %).");
        });
    }

    @Test
    void centralStaffGetTheDrillDownAsAWorkbook() throws Exception {
        sendWorkedExample();
        HttpResponse<byte[]> response = HubHttp.send(
                HubHttp.request(PORT, "/api/consolidation/2020/export.xlsx" + AS_OF, PLANNER).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString()
                .contains("poa-2020-consolidado-2020-06-30.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.body()))) {
            var entity = book.getSheet("Avance").getRow(1);
            assertThat(entity.getCell(11).getNumericCellValue()).isEqualTo(11320195.00);
            assertThat(entity.getCell(12).getNumericCellValue()).isEqualTo(245000.00);
            assertThat(entity.getCell(7).getNumericCellValue()).isEqualTo(1.25);
        }
    }

    @Test
    void errorsAreClearAndEverythingNeedsCredentials() throws Exception {
        assertThat(HubHttp.get(PORT, "/api/consolidation/2020/summary", null).statusCode()).isEqualTo(401);
        HttpResponse<String> noPlan = get("/api/consolidation/2019/summary");
        assertThat(noPlan.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noPlan.body()).get("message").asString()).isEqualTo("no hay plan para la gestión 2019");
        HttpResponse<String> noOperation = get("/api/consolidation/2020/operations/99.99.99");
        assertThat(noOperation.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noOperation.body()).get("message").asString())
                .isEqualTo("la operación '99.99.99' no existe en la versión 1 del plan 2020");
        assertThat(get("/api/consolidation/2020/objectives/07").statusCode()).isEqualTo(404);
        HttpResponse<String> badDate = get("/api/consolidation/2020/alerts?asOf=30-06-2020");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).get("message").asString())
                .isEqualTo("el parámetro 'asOf' debe ser una fecha AAAA-MM-DD (p. ej. 2020-06-30); se recibió '30-06-2020'");
        // without asOf: the end of the latest period reported in the year, not today
        sendWorkedExample();
        HttpResponse<String> latest = get("/api/consolidation/2020/summary");
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(LocalDate.parse(JSON.readTree(latest.body()).get("asOf").asString())).isEqualTo(LocalDate.of(2020, 6, 30));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String decimal(JsonNode node, String object, String field) {
        return node.get(object).get(field).decimalValue().toPlainString();
    }

    private static HttpResponse<String> get(String path) {
        return HubHttp.get(PORT, path, PLANNER);
    }

    private void sendAndAwait(SpecificRecord report) {
        UUID id = send(report);
        await().atMost(WAIT).until(() -> jdbc.sql("select count(*) from report where message_id = ?").param(id)
                .query(Long.class).single() == 1);
    }

    private static UUID send(SpecificRecord report) {
        String topic = report instanceof ProgressReport p ? Topics.progress(p.getRegionCode())
                : Topics.expenditure(((ExpenditureReport) report).getRegionCode());
        try {
            producer.send(new ProducerRecord<>(topic, topic, serializer.serialize(topic, report))).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
        return report instanceof ProgressReport p ? p.getMessageId() : ((ExpenditureReport) report).getMessageId();
    }

    private static ProgressReport progress(String agent, long sequence, int endMonth, String value, String operation,
                                           UUID corrects) {
        LocalDate end = LocalDate.of(2020, endMonth, 1).plusMonths(1).minusDays(1);
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode("BO-L").setSequence(sequence)
                .setFiscalYear(2020).setOperationCode(operation)
                .setPeriodStart(end.withDayOfMonth(1).minusMonths(2)).setPeriodEnd(end)
                .setReportedAt(Instant.now()).setAchievedValue(new BigDecimal(value))
                .setPercentComplete(null).setReporter("Responsable").setCorrectsMessageId(corrects)
                .setClientVersion(null)
                .build();
    }

    private static ExpenditureReport expenditure(String region, String agent, long sequence, String objectCode,
                                                 String amount, UUID reverses) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode(objectCode)
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-" + sequence).setReportedAt(Instant.now()).setReversesMessageId(reverses)
                .setClientVersion(null)
                .build();
    }
}
