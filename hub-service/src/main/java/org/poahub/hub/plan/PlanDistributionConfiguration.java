package org.poahub.hub.plan;

import org.apache.camel.component.kafka.KafkaComponent;
import org.poahub.hub.kafka.AvroPublishingComponent;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.routes.plan.PlanPublishRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plan distribution: a Camel Kafka component of its own ({@value #COMPONENT}, so that it cannot clash with
 * the report routes' component) whose producer writes the value in the Confluent wire format, and the route.
 * <p>
 * Values are serialized with the hub's {@link SchemaRegistryClient}; the schema is registered on first use, so
 * {@code poa.registry.username} needs a registry writer role (ESQUEMAS or ADMIN). The producer starts lazily,
 * so a hub without a registry still starts; publishing then fails with a logged error.
 */
@Configuration(proxyBeanMethods = false)
class PlanDistributionConfiguration {

    static final String COMPONENT = "plankafka";

    @Bean(COMPONENT)
    KafkaComponent planKafkaComponent(KafkaProperties kafka, SchemaRegistryClient registry) {
        return AvroPublishingComponent.create(kafka, registry);
    }

    @Bean
    PlanPublishRoute planPublishRoute(PlanProperties properties) {
        return new PlanPublishRoute(COMPONENT + ":" + properties.topic());
    }
}
