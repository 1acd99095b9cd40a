package org.poahub.hub.plan;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.poahub.contract.PlanSnapshot;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
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
        KafkaConfiguration configuration = new KafkaConfiguration();
        configuration.setBrokers(kafka.bootstrapServers());
        configuration.setRecordMetadata(true);
        // Named so that Camel passes the PlanSnapshot through instead of converting it to the default's String;
        // the instance used is the one built by the client factory below.
        configuration.setValueSerializer(AvroWireSerializer.class.getName());
        configuration.setKeySerializer(StringSerializer.class.getName());
        Map<String, Object> extra = kafka.additionalClientProperties();
        // Fail a publication within seconds when the broker is away instead of blocking the caller for a minute.
        extra.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        extra.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        extra.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        configuration.setAdditionalProperties(extra);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(configuration);
        component.setLazyStartProducer(true);
        component.setKafkaClientFactory(new DefaultKafkaClientFactory() {
            @Override
            public Producer<String, PlanSnapshot> getProducer(Properties props) {
                return new KafkaProducer<>(props, new StringSerializer(), new AvroWireSerializer<PlanSnapshot>(
                        registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false));
            }
        });
        return component;
    }

    @Bean
    PlanPublishRoute planPublishRoute(PlanProperties properties) {
        return new PlanPublishRoute(COMPONENT + ":" + properties.topic());
    }
}
