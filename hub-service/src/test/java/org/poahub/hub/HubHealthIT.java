package org.poahub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.poahub.hub.jit.CompilerDirectives;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubHealthIT {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
        registry.add("poa.security.users[1].name", () -> "ti");
        registry.add("poa.security.users[1].password", () -> "{noop}" + RealServers.PASSWORD);
        registry.add("poa.security.users[1].roles[0]", () -> "ADMIN");
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsPublicAndShowsKafkaAndDatabaseUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").has("details")).as("details need credentials").isFalse();
    }

    @Test
    void theKubernetesProbesArePublicLivenessIsTheHubsOwnStateAndReadinessAddsTheDatabase() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode live = new ObjectMapper().readTree(liveness.body());
        JsonNode ready = new ObjectMapper().readTree(readiness.body());
        assertThat(live.path("status").asString()).isEqualTo("UP");
        assertThat(live.path("components").propertyNames()).containsExactly("livenessState");
        assertThat(ready.path("status").asString()).isEqualTo("UP");
        assertThat(ready.path("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db");
    }

    @Test
    void everyOtherEndpointNeedsCredentials() throws Exception {
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", "wrong:password").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", RealServers.USER + ":" + RealServers.PASSWORD).statusCode())
                .as("metrics are for ADMIN only").isEqualTo(403);
        assertThat(get("/actuator/metrics", "ti:" + RealServers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theStartedHubKeepsItsIngestCodeOutOfTheOptimizingCompiler() {
        assertThat(new CompilerDirectives().list()).contains("org/poahub/routes/ingest/*.*", "org/apache/kafka/*.*");
    }

    private HttpResponse<String> get(String path, String credentials) {
        return HubHttp.get(port, path, credentials);
    }
}
