package org.poahub.hub.registry;

import org.poahub.registry.CachedSchemaRegistryClient;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one registry client of the hub's own serdes (ingest, outcomes, plan distribution): {@code poa.registry.url}
 * with its user, the embedded registry by default or a Confluent Schema Registry in production.
 */
@Configuration(proxyBeanMethods = false)
class RegistryClientConfiguration {

    @Bean
    SchemaRegistryClient schemaRegistryClient(RegistryProperties registry) {
        String userInfo = registry.username() == null || registry.username().isBlank() ? null
                : registry.username() + ":" + registry.password();
        return new CachedSchemaRegistryClient(new RestSchemaRegistryClient(RegistryClientConfig.of(registry.url(), userInfo)));
    }
}
