package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poahub.hub.registry.RegistryHttp.schemaRequest;

import java.util.ArrayList;
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
import org.poahub.hub.registry.RegistryHttp.Answer;
import org.springframework.context.ConfigurableApplicationContext;

/** Several hubs on one database: shared ids, safe concurrent registration, restarts, base path, switched off. */
class SchemaRegistryTwoHubsIT {

    static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    static final String READER_PASSWORD = UUID.randomUUID().toString();
    static final String SCHEMA = "{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"t\", \"fields\": "
            + "[{\"name\": \"a\", \"type\": \"string\"}]}";

    private final RegistryTestHubs hubs = new RegistryTestHubs(WRITER_PASSWORD, "reader", READER_PASSWORD);

    @AfterEach
    void stopHubs() {
        hubs.close();
    }

    @Test
    void concurrentRegistrationsOnTwoHubsAgreeOnOneIdAndOneVersion() throws Exception {
        RegistryHttp a = writer(hubs.start(Map.of()), "");
        RegistryHttp b = writer(hubs.start(Map.of()), "");
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
        ConfigurableApplicationContext first = hubs.start(Map.of());
        RegistryHttp before = writer(first, "");
        String subject = "kept-" + UUID.randomUUID() + "-value";
        int id = before.post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA)).json().path("id").asInt();
        before.put("/config/" + subject, "{\"compatibility\": \"FORWARD\"}");
        first.close();

        RegistryHttp after = writer(hubs.start(Map.of()), "");
        assertThat(after.get("/subjects/" + subject + "/versions/1").json().path("id").asInt()).isEqualTo(id);
        assertThat(after.post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA)).json().path("id").asInt())
                .isEqualTo(id);
        assertThat(after.get("/config/" + subject).json().path("compatibilityLevel").asString()).isEqualTo("FORWARD");
    }

    @Test
    void theBasePathMovesTheWholeApiAndItsWriteRules() {
        ConfigurableApplicationContext hub = hubs.start(Map.of("poa.registry.base-path", "/registry"));
        RegistryHttp moved = writer(hub, "/registry");
        String subject = "moved-" + UUID.randomUUID() + "-value";

        assertThat(moved.post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA)).status()).isEqualTo(200);
        assertThat(moved.get("/subjects/" + subject + "/versions").text()).isEqualTo("[1]");
        assertThat(moved.as("reader", READER_PASSWORD).post("/subjects/" + subject + "/versions", schemaRequest(SCHEMA))
                .status()).isEqualTo(403);
        // The root is no longer the registry: outside the URL table, so refused like any unknown path
        // (docs/security.md), even to the writer that may write under /registry.
        assertThat(writer(hub, "").get("/subjects").status()).isEqualTo(403);
    }

    @Test
    void theEmbeddedRegistryCanBeSwitchedOff() {
        ConfigurableApplicationContext hub = hubs.start(Map.of("poa.registry.embedded.enabled", "false"));
        assertThat(hub.getBeansOfType(SchemaRegistryService.class)).isEmpty();
        assertThat(writer(hub, "").get("/subjects").status()).isEqualTo(404);
    }

    private static RegistryHttp writer(ConfigurableApplicationContext hub, String basePath) {
        String port = hub.getEnvironment().getProperty("local.server.port");
        return new RegistryHttp("http://localhost:" + port + basePath, RegistryTestHubs.WRITER, WRITER_PASSWORD);
    }
}
