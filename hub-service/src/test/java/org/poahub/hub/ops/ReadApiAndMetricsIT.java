package org.poahub.hub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.Topics;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real reports (valid, with warnings, rejected, undecodable, duplicated) sent through the real broker into a hub
 * with ingest on, then read back through the rejected-reports and agents APIs, the Prometheus endpoint, the health
 * endpoint and the OpenAPI description. Uses regions BO-H, BO-N and BO-B only: the broker is shared by every IT of the
 * JVM, and IngestIT reads whole outcome topics of other regions with its own hub's registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// Closed after the class: a cached context would keep consuming (and answering) the regional topics of later ITs.
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiAndMetricsIT {

    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "hub";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final String GROUP = "poa-hub-ops-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CREDENTIALS = RealServers.USER + ":" + RealServers.PASSWORD;
    /** Metrics are for ADMIN only. */
    private static final String ADMIN = "ti:" + WRITER_PASSWORD;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, GROUP, WRITER, WRITER_PASSWORD);
        registry.add("poa.metrics.lag-refresh", () -> "500ms");
        registry.add("poa.security.users[2].name", () -> "ti");
        registry.add("poa.security.users[2].password", () -> "{noop}" + WRITER_PASSWORD);
        registry.add("poa.security.users[2].roles[0]", () -> "ADMIN");
    }

    private final ObjectMapper json = new ObjectMapper();
    private KafkaProducer<String, byte[]> producer;
    private AvroWireSerializer<SpecificRecord> serializer;

    // What was sent, once, before the tests read it back.
    private final Instant sentAt = Instant.now();
    private ProgressReport first;
    private ProgressReport third;
    private ProgressReport unknownOperation;
    private byte[] unknownOperationPayload;
    private final byte[] randomBytes = new byte[48];

    @BeforeAll
    void sendReports() {
        producer = new KafkaProducer<>(TestKafka.adminClientProperties(),
                new StringSerializer(), new ByteArraySerializer());
        // A generous request timeout: the first registrations hit a cold hub on a shared, busy build machine.
        serializer = new AvroWireSerializer<>(new RestSchemaRegistryClient(new RegistryClientConfig(
                List.of(URI.create("http://localhost:" + PORT)), WRITER + ":" + WRITER_PASSWORD,
                RegistryClientConfig.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(60))),
                Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);

        // agent-ops-lp (BO-H): sequences 1 and 3 arrive, 2 is missing; reported an hour before they reach the hub.
        first = progress("BO-H", "11.04.02", "agent-ops-lp", 1, LocalDate.of(2020, 3, 1), sentAt.minus(2, ChronoUnit.HOURS));
        third = progress("BO-H", "11.04.02", "agent-ops-lp", 3, LocalDate.of(2020, 4, 1), sentAt.minus(1, ChronoUnit.HOURS));
        // BO-B: a period before the operation starts (a warning).
        ProgressReport early = progress("BO-B", "11.04.02", "agent-ops-cb", 1, LocalDate.of(2020, 1, 1), sentAt);
        send(Topics.progress("BO-H"), first);
        send(Topics.progress("BO-H"), first);
        send(Topics.progress("BO-H"), third);
        send(Topics.progress("BO-B"), early);
        send(Topics.expenditure("BO-H"), expenditure("BO-H", "agent-ops-lp3", 1));
        // BO-N: an unknown operation (rejected) and random bytes (undecodable).
        unknownOperation = progress("BO-N", "99.99.99", "agent-ops-or", 1, LocalDate.of(2020, 3, 1), sentAt);
        unknownOperationPayload = send(Topics.progress("BO-N"), unknownOperation);
        new Random(7).nextBytes(randomBytes);
        randomBytes[0] = 9;
        sendRaw(Topics.progress("BO-N"), randomBytes);

        await().atMost(WAIT).until(() -> items(getJson("/api/rejected-reports?region=BO-N")).size() == 2
                && items(getJson("/api/agents?region=BO-H")).size() == 2
                && items(getJson("/api/agents?region=BO-B")).size() == 1
                && getJson("/api/agents/agent-ops-lp").path("highestSequence").asLong() == 3);
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    // ---- rejected reports ---------------------------------------------------------------------------------

    @Test
    void rejectedReportsAreListedNewestFirstWithTheirReason() {
        JsonNode page = getJson("/api/rejected-reports?region=BO-N");

        assertThat(page.path("totalItems").asLong()).isEqualTo(2);
        List<JsonNode> items = items(page);
        assertThat(items).extracting(i -> i.path("reason").path("code").asString())
                .containsExactlyInAnyOrder("OPERATION_UNKNOWN", "PAYLOAD_UNDECODABLE");
        List<Instant> times = items.stream().map(i -> Instant.parse(i.path("reason").path("rejectedAt").asString())).toList();
        assertThat(times.get(0)).isAfterOrEqualTo(times.get(1));
        assertThat(items).allSatisfy(i -> assertThat(i.path("source").path("topic").asString()).isEqualTo("poa.bo-n.progress"));
    }

    @Test
    void oneRejectedReportHasItsSpanishReasonKafkaPositionSchemaIdAndOriginalBytes() {
        JsonNode listed = items(getJson("/api/rejected-reports?region=BO-N&code=OPERATION_UNKNOWN")).get(0);
        JsonNode detail = getJson("/api/rejected-reports/" + listed.path("id").asLong());

        assertThat(detail.path("messageId").asString()).isEqualTo(unknownOperation.getMessageId().toString());
        assertThat(detail.path("regionCode").asString()).isEqualTo("BO-N");
        JsonNode reason = detail.path("reason");
        assertThat(reason.path("code").asString()).isEqualTo("OPERATION_UNKNOWN");
        assertThat(reason.path("field").asString()).isEqualTo("operationCode");
        assertThat(reason.path("message").asString()).isEqualTo("La operación '99.99.99' no existe en el POA de la gestión 2020.");
        assertThat(reason.path("route").asString()).isEqualTo("ingest-reports");
        assertThat(Instant.parse(reason.path("rejectedAt").asString())).isAfterOrEqualTo(sentAt.minusSeconds(5));
        assertThat(detail.path("source").path("partition").isInt()).isTrue();
        assertThat(detail.path("source").path("offset").asLong()).isNotNegative();
        assertThat(detail.path("source").path("schemaId").asInt()).isPositive();
        assertThat(Base64.getDecoder().decode(detail.path("payloadBase64").asString())).isEqualTo(unknownOperationPayload);
        assertThat(detail.path("payloadBytes").asInt()).isEqualTo(unknownOperationPayload.length);
    }

    @Test
    void anUndecodableRecordKeepsItsBytesAndHasNoMessageId() {
        JsonNode listed = items(getJson("/api/rejected-reports?region=BO-N&code=PAYLOAD_UNDECODABLE")).get(0);
        JsonNode detail = getJson("/api/rejected-reports/" + listed.path("id").asLong());

        assertThat(detail.path("messageId").isNull()).isTrue();
        assertThat(detail.path("reason").path("message").asString()).startsWith("El contenido del mensaje no se puede leer");
        assertThat(Base64.getDecoder().decode(detail.path("payloadBase64").asString())).isEqualTo(randomBytes);
    }

    @Test
    void filtersByDateRangeAndPages() {
        String today = LocalDate.ofInstant(Instant.now(), java.time.ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.ofInstant(Instant.now(), java.time.ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.ofInstant(sentAt, java.time.ZoneOffset.UTC).minusDays(1).toString();

        assertThat(getJson("/api/rejected-reports?region=BO-N&from=" + yesterday + "&to=" + today).path("totalItems").asLong()).isEqualTo(2);
        assertThat(getJson("/api/rejected-reports?region=BO-N&from=" + tomorrow).path("totalItems").asLong()).isZero();
        assertThat(getJson("/api/rejected-reports?region=BO-N&to=" + yesterday).path("totalItems").asLong()).isZero();
        JsonNode secondPage = getJson("/api/rejected-reports?region=BO-N&size=1&page=1");
        assertThat(items(secondPage)).hasSize(1);
        assertThat(secondPage.path("totalItems").asLong()).isEqualTo(2);
        assertThat(items(getJson("/api/rejected-reports?region=BO-H"))).isEmpty();
    }

    @Test
    void badFiltersGetA400ThatSaysWhichParameterAndAnUnknownIdA404() {
        HttpResponse<String> region = get("/api/rejected-reports?region=BO-X", CREDENTIALS);
        assertThat(region.statusCode()).isEqualTo(400);
        assertThat(parse(region.body()).path("parameter").asString()).isEqualTo("region");
        assertThat(parse(region.body()).path("detail").asString()).contains("Región desconocida 'BO-X'");

        HttpResponse<String> date = get("/api/rejected-reports?from=2020-13-01", CREDENTIALS);
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(parse(date.body()).path("parameter").asString()).isEqualTo("from");
        assertThat(parse(date.body()).path("detail").asString()).contains("Fecha inválida en 'from': '2020-13-01'");

        assertThat(get("/api/rejected-reports?from=2020-03-02&to=2020-03-01", CREDENTIALS).statusCode()).isEqualTo(400);
        assertThat(get("/api/rejected-reports?size=0", CREDENTIALS).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/api/rejected-reports/987654321", CREDENTIALS);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(parse(missing.body()).path("detail").asString()).isEqualTo("No existe el reporte rechazado 987654321.");
    }

    // ---- agents -------------------------------------------------------------------------------------------

    @Test
    void theAgentStatusShowsTheLastReportTheMissingSequenceAndTheLag() {
        JsonNode agent = items(getJson("/api/agents?region=BO-H")).stream()
                .filter(a -> a.path("agentId").asString().equals("agent-ops-lp")).findFirst().orElseThrow();

        assertThat(agent.path("regionCode").asString()).isEqualTo("BO-H");
        assertThat(agent.path("highestSequence").asLong()).isEqualTo(3);
        assertThat(agent.path("highestContiguousSequence").asLong()).isEqualTo(1);
        assertThat(agent.path("missingSequences").values()).extracting(JsonNode::asLong).containsExactly(2L);
        JsonNode last = agent.path("lastReport");
        assertThat(last.path("messageId").asString()).isEqualTo(third.getMessageId().toString());
        assertThat(Instant.parse(last.path("reportedAt").asString())).isEqualTo(third.getReportedAt());
        assertThat(Instant.parse(last.path("receivedAt").asString())).isAfterOrEqualTo(sentAt.minusSeconds(5));
        assertThat(agent.path("lag").path("lastReportDelaySeconds").asDouble()).isGreaterThanOrEqualTo(3595);
        assertThat(agent.path("lag").path("sinceLastReceivedSeconds").asDouble()).isNotNegative();
    }

    @Test
    void agentsAreFilteredByRegionAndAnUnknownAgentOrRegionIsAnError() {
        assertThat(items(getJson("/api/agents?region=BO-N"))).extracting(a -> a.path("agentId").asString())
                .containsExactly("agent-ops-or");
        assertThat(items(getJson("/api/agents"))).extracting(a -> a.path("agentId").asString())
                .contains("agent-ops-lp", "agent-ops-or");
        assertThat(get("/api/agents?region=XX", CREDENTIALS).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = get("/api/agents/nobody", CREDENTIALS);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(parse(missing.body()).path("detail").asString()).contains("'nobody'");
    }

    // ---- metrics, health, OpenAPI, security -----------------------------------------------------------------

    @Test
    void prometheusShowsTheIngestCountersLatencyBatchSizesRouteMetricsAndConsumerLag() {
        // Metrics are recorded just after the offset commit, a moment after the rows are visible: wait for all 7 records.
        String metrics = await().atMost(WAIT).until(() -> get("/actuator/prometheus", ADMIN).body(),
                body -> Double.valueOf(7.0).equals(value(body, "poa_ingest_batch_size_records_sum", Map.of()))
                        && value(body, "poa_ingest_consumer_lag_records", Map.of("topic", "poa.bo-h.progress", "group", GROUP)) != null);

        assertThat(value(metrics, "poa_ingest_reports_total", Map.of("kind", "PROGRESS", "status", "ACCEPTED"))).isEqualTo(2.0);
        assertThat(value(metrics, "poa_ingest_reports_total", Map.of("kind", "PROGRESS", "status", "ACCEPTED_WITH_WARNINGS"))).isEqualTo(1.0);
        assertThat(value(metrics, "poa_ingest_reports_total", Map.of("kind", "PROGRESS", "status", "REJECTED"))).isEqualTo(2.0);
        assertThat(value(metrics, "poa_ingest_reports_total", Map.of("kind", "EXPENDITURE", "status", "ACCEPTED"))).isEqualTo(1.0);
        assertThat(value(metrics, "poa_ingest_rejections_total", Map.of("kind", "PROGRESS", "code", "OPERATION_UNKNOWN"))).isEqualTo(1.0);
        assertThat(value(metrics, "poa_ingest_rejections_total", Map.of("kind", "PROGRESS", "code", "PAYLOAD_UNDECODABLE"))).isEqualTo(1.0);
        assertThat(value(metrics, "poa_ingest_warnings_total", Map.of("kind", "PROGRESS", "code", "DATE_OUTSIDE_OPERATION"))).isEqualTo(1.0);
        assertThat(value(metrics, "poa_ingest_duplicates_total", Map.of("kind", "PROGRESS"))).isEqualTo(1.0);
        // Reports written one and two hours before: the latency histogram has them above the hour bucket.
        assertThat(value(metrics, "poa_ingest_latency_seconds_count", Map.of("kind", "PROGRESS"))).isEqualTo(4.0);
        assertThat(value(metrics, "poa_ingest_latency_seconds_max", Map.of("kind", "PROGRESS"))).isGreaterThanOrEqualTo(7195.0);
        assertThat(metrics).contains("poa_ingest_latency_seconds_bucket{");
        assertThat(value(metrics, "poa_ingest_batch_size_records_sum", Map.of())).isEqualTo(7.0);
        assertThat(value(metrics, "poa_camel_route_exchanges_seconds_count", Map.of("route", "ingest-reports", "outcome", "success"))).isPositive();
        await().atMost(WAIT).until(() -> value(get("/actuator/prometheus", ADMIN).body(),
                "poa_ingest_consumer_lag_records", Map.of("topic", "poa.bo-h.progress")), lag -> lag != null && lag == 0.0);
    }

    @Test
    void healthShowsTheEmbeddedRegistryBesideKafkaAndTheDatabase() {
        JsonNode publicHealth = parse(get("/actuator/health", null).body());
        assertThat(publicHealth.path("components").path("registry").path("status").asString()).isEqualTo("UP");
        assertThat(publicHealth.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(publicHealth.path("components").path("db").path("status").asString()).isEqualTo("UP");

        JsonNode registry = getJson("/actuator/health").path("components").path("registry");
        assertThat(registry.path("details").path("mode").asString()).isEqualTo("embedded");
        assertThat(registry.path("details").path("subjects").asInt()).isPositive();
    }

    @Test
    void theOpenApiDescriptionListsTheApisAndNeedsCredentials() {
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(401);

        JsonNode openApi = getJson("/v3/api-docs");
        assertThat(openApi.path("info").path("title").asString()).isEqualTo("poa-hub API");
        assertThat(openApi.path("paths").propertyNames()).contains("/api/rejected-reports", "/api/rejected-reports/{id}",
                "/api/agents", "/api/agents/{agentId}", "/api/plans", "/api/plans/{year}", "/subjects",
                "/schemas/ids/{id}");
        assertThat(openApi.path("paths").path("/api/rejected-reports").path("get").path("parameters").values())
                .extracting(p -> p.path("name").asString()).contains("region", "code", "from", "to", "page", "size");
        assertThat(openApi.path("paths").path("/subjects").path("get").path("tags").get(0).asString()).isEqualTo("Schema registry");
        assertThat(openApi.path("components").path("securitySchemes").path("basicAuth").path("scheme").asString()).isEqualTo("basic");
    }

    @Test
    void theReadApisAndMetricsNeedCredentials() {
        for (String path : List.of("/api/rejected-reports", "/api/rejected-reports/1", "/api/agents", "/actuator/prometheus")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "planner:wrong").statusCode()).as(path).isEqualTo(401);
        }
    }

    // ---- reports ------------------------------------------------------------------------------------------

    private static ProgressReport progress(String region, String operation, String agent, long sequence,
                                           LocalDate periodStart, Instant reportedAt) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode(operation)
                .setPeriodStart(periodStart).setPeriodEnd(periodStart.plusDays(14))
                .setReportedAt(reportedAt.truncatedTo(ChronoUnit.MILLIS)).setAchievedValue(new BigDecimal(sequence + ".0000"))
                .setPercentComplete(null).setReporter("Responsable regional").setCorrectsMessageId(null)
                .setClientVersion("test")
                .build();
    }

    private ExpenditureReport expenditure(String region, String agent, long sequence) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode("25220")
                .setFundingSource("Columna 1").setAmount(new BigDecimal("120.00")).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-" + sequence).setReportedAt(sentAt.truncatedTo(ChronoUnit.MILLIS))
                .setReversesMessageId(null).setClientVersion("test")
                .build();
    }

    private byte[] send(String topic, SpecificRecord report) {
        byte[] payload = serializer.serialize(topic, report);
        sendRaw(topic, payload);
        return payload;
    }

    private void sendRaw(String topic, byte[] payload) {
        try {
            // One key per topic: the records of a topic stay in order on one partition.
            producer.send(new ProducerRecord<>(topic, topic, payload)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    // ---- HTTP and Prometheus text ---------------------------------------------------------------------------

    private HttpResponse<String> get(String path, String credentials) {
        return HubHttp.get(PORT, path, credentials);
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> response = get(path, CREDENTIALS);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return parse(response.body());
    }

    private JsonNode parse(String body) {
        return json.readTree(body);
    }

    private static List<JsonNode> items(JsonNode pageOrArray) {
        JsonNode array = pageOrArray.isArray() ? pageOrArray : pageOrArray.path("items");
        List<JsonNode> items = new ArrayList<>();
        array.values().forEach(items::add);
        return items;
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);

    /** The sum of the samples of the metric whose labels include these; null when there is none. */
    private static Double value(String prometheusText, String metric, Map<String, String> labels) {
        Double sum = null;
        Matcher m = SAMPLE.matcher(prometheusText);
        while (m.find()) {
            String labelText = m.group(2) == null ? "" : m.group(2);
            boolean matches = m.group(1).equals(metric) && labels.entrySet().stream()
                    .allMatch(l -> labelText.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (matches) {
                sum = (sum == null ? 0 : sum) + Double.parseDouble(m.group(3));
            }
        }
        return sum;
    }
}
