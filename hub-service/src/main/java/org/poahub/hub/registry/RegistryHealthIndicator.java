package org.poahub.hub.registry;

import org.poahub.registry.SchemaRegistryClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Shown as {@code registry} in /actuator/health. With the embedded registry: its tables answer. With an external
 * (Confluent) registry: its REST API answers {@code GET /config} through the hub's own registry client.
 */
@Component("registry")
class RegistryHealthIndicator extends AbstractHealthIndicator {

    private final RegistryProperties properties;
    private final ObjectProvider<SchemaRegistryRepository> embedded;
    private final SchemaRegistryClient client;

    RegistryHealthIndicator(RegistryProperties properties, ObjectProvider<SchemaRegistryRepository> embedded,
                            SchemaRegistryClient client) {
        super("Schema registry health check failed");
        this.properties = properties;
        this.embedded = embedded;
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaRegistryRepository repository = embedded.getIfAvailable();
        if (properties.embedded().enabled() && repository != null) {
            builder.up().withDetail("mode", "embedded")
                    .withDetail("subjects", repository.subjects(false).size());
        } else {
            builder.up().withDetail("mode", "external").withDetail("url", properties.url())
                    .withDetail("compatibility", client.compatibility());
        }
    }
}
