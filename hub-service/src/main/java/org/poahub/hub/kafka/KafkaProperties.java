package org.poahub.hub.kafka;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches Kafka ({@code poa.kafka.*}; e.g. {@code POA_KAFKA_BOOTSTRAP_SERVERS}).
 *
 * @param bootstrapServers broker list
 * @param client           extra client properties for every producer, consumer and admin client
 *                         (security.protocol, sasl.*, ssl.* in production)
 */
@ConfigurationProperties("poa.kafka")
public record KafkaProperties(@DefaultValue("localhost:9092") String bootstrapServers, Map<String, String> client) {

    public KafkaProperties {
        client = client == null ? Map.of() : Map.copyOf(client);
    }
}
