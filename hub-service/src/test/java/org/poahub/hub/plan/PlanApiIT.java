package org.poahub.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.poahub.contract.PlanSnapshot;
import org.poahub.hub.HubHttp;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.contract.RegionAcls;
import org.poahub.testkit.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The plan over HTTP (upload, auth, read API) and its distribution on the real broker's compacted topic. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(InMemoryRegistry.class)
class PlanApiIT {

    static final String TOPIC = "poa.plan.api-it";
    static final String AGENT_PASSWORD = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.security.users[1].name", () -> "agente");
        registry.add("poa.security.users[1].password", () -> "{noop}" + AGENT_PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "AGENTE");
        registry.add("poa.plan.topic", () -> TOPIC);
        TestKafka.grant(RegionAcls.forHub(TestKafka.HUB_USER, List.of(), TestKafka.HUB_GROUP, TOPIC));
    }

    @LocalServerPort
    int port;

    @Autowired
    SchemaRegistryClient registry;

    private final ObjectMapper json = new ObjectMapper();
    private static final String PLANNER = RealServers.USER + ":" + RealServers.PASSWORD;

    @Test
    void uploadReadAndDistribute() throws Exception {
        byte[] senavex = ShippedPlans.bytes(ShippedPlans.SENAVEX_XLSX);

        // anonymous: refused by the CSRF check before the login check (docs/security.md)
        assertThat(upload(senavex, "poa.xlsx", null, null).statusCode()).isEqualTo(403);
        assertThat(upload(senavex, "poa.xlsx", null, "agente:" + AGENT_PASSWORD).statusCode()).isEqualTo(403);

        String bad = new String(ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV), StandardCharsets.UTF_8)
                .replace("OPERACION;04.01.01;", "OPERACION;04.1.01;").replace("12000.00;0.00", "-12000.00;0.00");
        HttpResponse<String> rejected = upload(bad.getBytes(StandardCharsets.UTF_8), "malo.csv", null, PLANNER);
        assertThat(rejected.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(rejected.body());
        assertThat(errors.path("message").asString()).startsWith("El archivo del plan tiene 2 error(es)");
        assertThat(errors.path("errors")).extracting(e -> e.path("text").asString()).containsExactly(
                "Fila 21, columna 'Código': el código '04.1.01' no tiene el formato NN.NN.NN",
                "Fila 23, columna 'Columna 1': el importe '-12000.00' es negativo");
        assertThat(errors.path("errors").get(0).path("row").asInt()).isEqualTo(21);
        assertThat(errors.path("errors").get(0).path("column").asString()).isEqualTo("Código");
        assertThat(get("/api/plans/2020").statusCode()).isEqualTo(404);

        HttpResponse<String> created = upload(senavex, "senavex-poa-2020.xlsx", null, PLANNER);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode v1 = json.readTree(created.body()).path("version");
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("createdBy").asString()).isEqualTo(RealServers.USER);
        assertThat(v1.path("sourceFile").asString()).isEqualTo("senavex-poa-2020.xlsx");

        JsonNode tree = json.readTree(get("/api/plans/2020").body());
        assertThat(tree.path("grandTotal").decimalValue()).isEqualByComparingTo("11320195.00");
        assertThat(tree.path("objectives")).hasSize(2);
        JsonNode op = tree.path("objectives").get(1).path("actions").get(3).path("operations").get(1);
        assertThat(op.path("code").asString()).isEqualTo("11.04.02");
        assertThat(op.path("budgetLines")).hasSize(5);
        assertThat(op.path("budgetLines").get(4).path("groupName").asString()).isEqualTo("Impuestos, Regalías y Tasas");

        JsonNode one = json.readTree(get("/api/plans/2020/operations/11.01.14").body());
        assertThat(one.path("status").path("state").asString()).isEqualTo("ACTIVE");
        assertThat(one.path("operation").path("budgetLines")).extracting(l -> l.path("objectCode").asString())
                .containsExactly("20000", "40000");
        assertThat(one.path("operation").path("start").asString()).isEqualTo("2020-02-03");

        JsonNode totals = json.readTree(get("/api/plans/2020/totals").body());
        assertThat(totals.path("byFundingColumn").get(1).decimalValue()).isEqualByComparingTo("0");
        assertThat(totals.path("byAction").path("11.05").get(0).decimalValue()).isEqualByComparingTo("2839048.00");
        assertThat(totals.path("byObjective").path("04").get(0).decimalValue()).isEqualByComparingTo("12000.00");
        assertThat(totals.path("byExpenditureGroup").path("10000").path("amounts").get(0).decimalValue())
                .isEqualByComparingTo("6829045.00");

        Map<String, PlanSnapshot> published = awaitSnapshots(1);
        assertThat(published).hasSize(9);
        PlanSnapshot potosi = published.get("BO-P");
        assertThat(potosi.getFiscalYear()).isEqualTo(2020);
        assertThat(potosi.getOperations()).hasSize(46);
        assertThat(potosi.getOperations().stream().flatMap(o -> o.getBudgetLines().stream())
                .flatMap(l -> l.getAmounts().stream().limit(1)).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("11320195.00");
        var config = TestKafka.admin().describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC)))
                .all().get().values().iterator().next().get(TopicConfig.CLEANUP_POLICY_CONFIG);
        assertThat(config).extracting(ConfigEntry::value).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);

        // A reformulation (11.05.07 dropped) through the API: new version, diff, flag, republished.
        String v2 = new String(ShippedPlans.bytes(ShippedPlans.SENAVEX_CSV), StandardCharsets.UTF_8)
                .replaceAll("OPERACION;11\\.05\\.07;[^\\r\\n]*\\r\\n", "");
        HttpResponse<String> second = upload(v2.getBytes(StandardCharsets.UTF_8), "v2.csv", "Se elimina 11.05.07", PLANNER);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(json.readTree(get("/api/plans/2020/versions").body())).extracting(v -> v.path("reason").asString())
                .containsExactly("Versión inicial", "Se elimina 11.05.07");
        JsonNode diff = json.readTree(get("/api/plans/2020/diff?from=1&to=2").body()).path("diff");
        assertThat(diff.path("removedOperations")).extracting(JsonNode::asString).containsExactly("11.05.07");
        JsonNode dropped = json.readTree(get("/api/plans/2020/operations/11.05.07").body());
        assertThat(dropped.path("status").path("state").asString()).isEqualTo("DROPPED");
        assertThat(dropped.path("version").path("version").asInt()).isEqualTo(1);
        assertThat(dropped.path("operation").path("name").asString())
                .isEqualTo("MODIFICACIÓN DEL REGLAMENTO DE INFRACCIONES Y SANCIONES");

        Map<String, PlanSnapshot> replaced = awaitSnapshots(2);
        assertThat(replaced.get("BO-L").getOperations()).hasSize(45);
    }

    /** The latest record per key on the plan topic, once every region's latest is of the given version. */
    private Map<String, PlanSnapshot> awaitSnapshots(int version) {
        Map<String, Object> props = Map.of(SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, PlanSnapshot.class.getName());
        AvroWireDeserializer<PlanSnapshot> deserializer = new AvroWireDeserializer<>(registry, props, false);
        Map<String, PlanSnapshot> latest = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            latest.clear();
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(TestKafka.readAll(TOPIC));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                latest.put(new String(r.key(), StandardCharsets.UTF_8), deserializer.deserialize(TOPIC, r.value()));
            }
            assertThat(latest).hasSize(9);
            assertThat(latest.values()).allMatch(s -> s.getPlanVersion() == version);
        });
        latest.forEach((key, snapshot) -> assertThat(snapshot.getRegionCode()).isEqualTo(key));
        return latest;
    }

    private HttpResponse<String> get(String path) {
        return HubHttp.get(port, path, PLANNER);
    }

    private HttpResponse<String> upload(byte[] file, String name, String reason, String credentials) {
        String boundary = "poa" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        if (reason != null) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\n" + reason)
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HubHttp.send(HubHttp.request(port, "/api/plans", credentials)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
