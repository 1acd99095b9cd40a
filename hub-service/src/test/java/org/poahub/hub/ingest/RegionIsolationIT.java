package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.rules.RuleCodes;
import org.poahub.testkit.TestKafka;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regional isolation end to end on the secured shared broker: agents provisioned through the hub's admin API
 * (POST /api/admin/agents) log in with exactly what the returned {@code poa-agent.properties} says; the broker refuses
 * another region's topic; the hub, logged in as its own principal, keeps ingesting the other region throughout and
 * applies REGION_MISMATCH as the second line; a revoked agent (DELETE) is stopped within seconds and loses its
 * registry account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegionIsolationIT {

    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "esquemas";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final String ADMIN = "admin-ti:" + UUID.randomUUID();
    private static final String LA_PAZ = "BO-L";
    private static final String ORURO = "BO-O";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static IngestTestClient hubSide;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
        registry.add("poa.security.users[2].name", () -> ADMIN.substring(0, ADMIN.indexOf(':')));
        registry.add("poa.security.users[2].password", () -> "{noop}" + ADMIN.substring(ADMIN.indexOf(':') + 1));
        registry.add("poa.security.users[2].roles[0]", () -> "ADMIN");
        registry.add("poa.provisioning.registry-url", () -> "http://localhost:" + PORT);
    }

    @AfterAll
    static void close() {
        if (hubSide != null) {
            hubSide.close();
        }
    }

    @Test
    void theBrokerKeepsEachRegionInItsLaneWhileTheHubIngestsAndRevocationStopsAnAgent() throws Exception {
        hubSide = new IngestTestClient("http://localhost:" + PORT, WRITER + ":" + WRITER_PASSWORD);
        Properties laPaz = provision(LA_PAZ, "agente-iso-la-paz");
        Properties oruro = provision(ORURO, "agente-iso-oruro");
        assertThat(laPaz.getProperty("kafka.bootstrap.servers")).isEqualTo(TestKafka.broker().agentBootstrapServers());
        assertThat(laPaz.getProperty("kafka.ssl.truststore.certificates")).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(laPaz.getProperty("registry.user")).isEqualTo("agente-iso-la-paz");

        try (KafkaProducer<String, byte[]> laPazAgent = producer(laPaz);
             KafkaProducer<String, byte[]> oruroAgent = producer(oruro)) {
            // Each agent writes its own region: accepted by the hub.
            ProgressReport own = IngestTestClient.progress(LA_PAZ, "agente-iso-la-paz", 1, "2").build();
            send(laPazAgent, Topics.progress(LA_PAZ), own);
            assertThat(hubSide.awaitOutcome(own).getStatus()).isNotEqualTo(OutcomeStatus.REJECTED);

            // The broker refuses La Paz's agent on Oruro's topic, and nothing is appended there.
            int oruroBefore = TestKafka.readAll(Topics.progress(ORURO)).size();
            ProgressReport forged = IngestTestClient.progress(ORURO, "agente-iso-la-paz", 2, "3").build();
            assertThatThrownBy(() -> send(laPazAgent, Topics.progress(ORURO), forged))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThat(TestKafka.readAll(Topics.progress(ORURO))).hasSize(oruroBefore);

            // Second line: a report claiming Oruro on La Paz's own topic gets through the broker, the hub rejects it.
            ProgressReport mislabelled = IngestTestClient.progress(ORURO, "agente-iso-la-paz", 3, "4").build();
            send(laPazAgent, Topics.progress(LA_PAZ), mislabelled);
            ReportOutcome rejected = hubSide.awaitOutcome(LA_PAZ, mislabelled.getMessageId());
            assertThat(rejected.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(rejected.getFindings()).anyMatch(f -> f.getCode().equals(RuleCodes.REGION_MISMATCH));

            // Revocation: La Paz's agent is stopped within seconds, Oruro's keeps being ingested.
            HttpResponse<String> revoked = HubHttp.send(HubHttp.request(PORT, "/api/admin/agents/agente-iso-la-paz",
                    ADMIN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(revoked.body()).path("kafkaAclsDeleted").asInt()).isEqualTo(10);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThatThrownBy(() -> send(laPazAgent, Topics.progress(LA_PAZ),
                            IngestTestClient.progress(LA_PAZ, "agente-iso-la-paz", 4, "1").build()))
                            .hasRootCauseInstanceOf(TopicAuthorizationException.class));
            ProgressReport afterRevocation = IngestTestClient.progress(ORURO, "agente-iso-oruro", 1, "5").build();
            send(oruroAgent, Topics.progress(ORURO), afterRevocation);
            assertThat(hubSide.awaitOutcome(afterRevocation).getStatus()).isNotEqualTo(OutcomeStatus.REJECTED);
        }
        assertThat(HubHttp.get(PORT, "/subjects", "agente-iso-la-paz:" + laPaz.getProperty("registry.password"))
                .statusCode()).isEqualTo(401);
        assertThat(HubHttp.get(PORT, "/subjects", "agente-iso-oruro:" + oruro.getProperty("registry.password"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void provisioningIsForAdministratorsAndRefusesAnUnknownRegionInSpanish() {
        HttpResponse<String> notAdmin = post(RealServers.USER + ":" + RealServers.PASSWORD, "BO-L", "agente-x");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = post(ADMIN, "BO-X", "agente-x");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Región desconocida 'BO-X'");
    }

    /** Provisions through the API and returns the poa-agent.properties it hands out. */
    private static Properties provision(String region, String agentId) throws Exception {
        HttpResponse<String> response = post(ADMIN, region, agentId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        Properties properties = new Properties();
        properties.load(new StringReader(body.path("properties").asString()));
        assertThat(properties.getProperty("kafka.password")).isEqualTo(body.path("kafkaPassword").asString())
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(properties.getProperty("region")).isEqualTo(region);
        return properties;
    }

    private static HttpResponse<String> post(String credentials, String region, String agentId) {
        return HubHttp.send(HubHttp.request(PORT, "/api/admin/agents", credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"" + region + "\",\"agentId\":\"" + agentId
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A producer configured only from the provisioned file's kafka.* keys, as the agent is. */
    private static KafkaProducer<String, byte[]> producer(Properties agent) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", agent.getProperty("kafka.bootstrap.servers"));
        config.put("security.protocol", agent.getProperty("kafka.security.protocol"));
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + agent.getProperty("kafka.user") + "\" password=\"" + agent.getProperty("kafka.password") + "\";");
        config.put("ssl.truststore.type", agent.getProperty("kafka.ssl.truststore.type"));
        config.put("ssl.truststore.certificates", agent.getProperty("kafka.ssl.truststore.certificates"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, SpecificRecord report)
            throws ExecutionException, InterruptedException {
        AvroWireSerializer<SpecificRecord> serializer = new AvroWireSerializer<>(new RestSchemaRegistryClient(
                RegistryClientConfig.of("http://localhost:" + PORT, WRITER + ":" + WRITER_PASSWORD)),
                Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
        producer.send(new ProducerRecord<>(topic, topic, serializer.serialize(topic, report))).get();
    }
}
