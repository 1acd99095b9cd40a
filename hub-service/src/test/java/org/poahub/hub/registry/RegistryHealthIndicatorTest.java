package org.poahub.hub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The external (Confluent) mode; the embedded mode is checked against PostgreSQL in ReadApiAndMetricsIT. */
class RegistryHealthIndicatorTest {

    @Test
    void anExternalRegistryThatAnswersIsUp() {
        Health health = external("http://registry.example:8081", new InMemorySchemaRegistryClient()).health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("mode", "external").containsEntry("url", "http://registry.example:8081")
                .containsKey("compatibility");
    }

    @Test
    void anExternalRegistryThatDoesNotAnswerIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://localhost:" + closedPort;

        Health health = external(url, new RestSchemaRegistryClient(RegistryClientConfig.of(url, null))).health(true);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }

    private static RegistryHealthIndicator external(String url, SchemaRegistryClient client) {
        RegistryProperties properties = new RegistryProperties("", CompatibilityLevel.FULL_TRANSITIVE,
                new RegistryProperties.Embedded(false), url, null, null);
        return new RegistryHealthIndicator(properties,
                new StaticListableBeanFactory().getBeanProvider(SchemaRegistryRepository.class), client);
    }
}
