package org.poahub.hub.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;

/**
 * A Camel Kafka component for a route that publishes the hub's own Avro records (the plan, the financial-system
 * execution): String keys, values in the Confluent wire format through the hub's {@link SchemaRegistryClient}, the
 * schema registered on first use (so {@code poa.registry.username} needs a registry writer role). The producer starts
 * lazily, so a hub without a registry or broker still starts, and it fails within seconds when the broker is away
 * instead of blocking its caller for a minute.
 */
public final class AvroPublishingComponent {

    private AvroPublishingComponent() {
    }

    public static KafkaComponent create(KafkaProperties kafka, SchemaRegistryClient registry) {
        org.apache.camel.component.kafka.KafkaConfiguration configuration =
                new org.apache.camel.component.kafka.KafkaConfiguration();
        configuration.setBrokers(kafka.bootstrapServers());
        configuration.setRecordMetadata(true);
        // Named so that Camel passes the record through instead of converting it to the default's String; the
        // instance used is the one the client factory below builds.
        configuration.setValueSerializer(AvroWireSerializer.class.getName());
        configuration.setKeySerializer(StringSerializer.class.getName());
        Map<String, Object> extra = kafka.additionalClientProperties();
        extra.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        extra.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        extra.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        configuration.setAdditionalProperties(extra);
        KafkaComponent component = new KafkaComponent();
        component.setConfiguration(configuration);
        component.setLazyStartProducer(true);
        component.setKafkaClientFactory(new DefaultKafkaClientFactory() {
            @Override
            public Producer<String, SpecificRecord> getProducer(Properties props) {
                return new KafkaProducer<>(props, new StringSerializer(), new AvroWireSerializer<SpecificRecord>(
                        registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false));
            }
        });
        return component;
    }
}
