package org.poahub.hub.plan;

import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A schema registry for tests that read the plan topic back (the hub's own registry is another feature). */
@TestConfiguration(proxyBeanMethods = false)
class InMemoryRegistry {

    @Bean
    @Primary
    SchemaRegistryClient inMemorySchemaRegistryClient() {
        return new InMemorySchemaRegistryClient();
    }
}
