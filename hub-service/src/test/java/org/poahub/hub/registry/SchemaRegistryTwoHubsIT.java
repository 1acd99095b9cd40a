package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poahub.hub.registry.RegistryHttp.schemaRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poahub.hub.HubApplication;
import org.poahub.hub.registry.RegistryHttp.Answer;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;
import org.poahub.testkit.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Several hubs on one database: shared ids, safe concurrent registration, restarts, base path, switched off. */
class SchemaRegistryTwoHubsIT {

    static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    static final String READER_PASSWORD = UUID.randomUUID().toString();
    static final String SCHEMA = "{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"t\", \"fields\": "
            + "[{\"name\": \"a\", \"type\": \"string\"}]}";

    private final TestDatabase db = TestPostgres.freshDatabase();
    private final List<ConfigurableApplicationContext> hubs = new ArrayList<>();

    @AfterEach
    void stopHubs() {
        hubs.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void concurrentRegistrationsOnTwoHubsAgreeOnOneIdAndOneVersion() throws Exception {
        RegistryHttp a = writer(start(Map.of()), "");
        RegistryHttp b = writer(start(Map.of()), "");
        String subject = "race-" + UUID.randomUUID() + "-value";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RegistryHttp hub = i % 2 == 0 ? a : b;
                // Half register under the shared subject, half under subjects of their own.
                String target = i < 8 ? subject : subject + "-" + i;
                Callable<Answer> call = () -> {
                    go.await();
                    return hub.post("/subjects/" + target + "/versions", schemaRequest(SCHEMA));
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> ids = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                Answer done = answer.get(60, TimeUnit.SECONDS);
                assertThat(done.status()).as(done.text()).isEqualTo(200);
                ids.add(done.json().path("id").asInt());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1]");
        assertThat(b.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1]");
    }

    @Test
    void schemasAndLevelsSurviveARestart() {
        ConfigurableApplicationContext first = start(Map.of());
        RegistryHttp before = writer(first, "");
        String subject = "kept-" + UUID.randomUUID() + "-value";
        int id = before.post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA)).json().path("id").asInt();
        before.put("/config/" + subject, "{\"compatibility\": \"FORWARD\"}");
        first.close();

        RegistryHttp after = writer(start(Map.of()), "");
        assertThat(after.get("/subjects/" + subject + "/versions/1").json().path("id").asInt()).isEqualTo(id);
        assertThat(after.post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA)).json().path("id").asInt())
                .isEqualTo(id);
        assertThat(after.get("/config/" + subject).json().path("compatibilityLevel").asString()).isEqualTo("FORWARD");
    }

    @Test
    void theBasePathMovesTheWholeApiAndItsWriteRules() {
        ConfigurableApplicationContext hub = start(Map.of("poa.registry.base-path", "/registry"));
        RegistryHttp moved = writer(hub, "/registry");
        String subject = "moved-" + UUID.randomUUID() + "-value";

        assertThat(moved.post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA)).status()).isEqualTo(200);
        assertThat(moved.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1]");
        assertThat(moved.as("reader", READER_PASSWORD).post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA))
                .status()).isEqualTo(403);
        assertThat(writer(hub, "").get("/subjects").status()).isEqualTo(404);
    }

    @Test
    void theEmbeddedRegistryCanBeSwitchedOff() {
        ConfigurableApplicationContext hub = start(Map.of("poa.registry.embedded.enabled", "false"));
        assertThat(hub.getBeansOfType(SchemaRegistryService.class)).isEmpty();
        assertThat(writer(hub, "").get("/subjects").status()).isEqualTo(404);
    }

    private ConfigurableApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", db.jdbcUrl());
        properties.put("spring.datasource.username", db.user());
        properties.put("spring.datasource.password", db.password());
        properties.put("poa.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("server.port", "0");
        properties.put("poa.ingest.enabled", "false"); // these hubs share the test broker with IngestIT
        properties.put("poa.security.users[0].name", "writer");
        properties.put("poa.security.users[0].password", "{noop}" + WRITER_PASSWORD);
        properties.put("poa.security.users[0].roles[0]", "REGISTRY_WRITER");
        properties.put("poa.security.users[1].name", "reader");
        properties.put("poa.security.users[1].password", "{noop}" + READER_PASSWORD);
        properties.put("poa.security.users[1].roles[0]", "AGENT");
        properties.putAll(extra);
        // Command-line arguments, because default properties would lose to application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(HubApplication.class).run(args);
        hubs.add(hub);
        return hub;
    }

    private static RegistryHttp writer(ConfigurableApplicationContext hub, String basePath) {
        String port = hub.getEnvironment().getProperty("local.server.port");
        return new RegistryHttp("http://localhost:" + port + basePath, "writer", WRITER_PASSWORD);
    }
}
