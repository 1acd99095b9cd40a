package org.poahub.agent.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.poahub.agent.config.AgentConfig;
import org.poahub.contract.BrokerAccounts;
import org.poahub.registry.SerdeConfig;

/** Kafka client and serde settings derived from the agent configuration. */
public final class KafkaSettings {

    private KafkaSettings() {
    }

    /**
     * Idempotent producer, acks=all, lz4, batching; memory bounded by {@code buffer.memory}. The operator's
     * {@code kafka.*} settings come last and win (SASL/TLS, or tuning).
     */
    public static Map<String, Object> producer(AgentConfig config) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "poa-agent-" + config.agentId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 250);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        p.putAll(operator(config));
        return p;
    }

    public static Map<String, Object> consumer(AgentConfig config, String groupId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "poa-agent-" + config.agentId() + "-" + groupId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 * 1024 * 1024);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 250);
        p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
        p.putAll(operator(config));
        return p;
    }

    /** Settings of the Confluent-wire serde: the agent never registers schemas unless told to. */
    public static Map<String, Object> serde(AgentConfig config) {
        Map<String, Object> p = new HashMap<>();
        p.put(SerdeConfig.SCHEMA_REGISTRY_URL, config.registryUrl());
        p.put(SerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        if (!config.registryUser().isEmpty()) {
            p.put(SerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            p.put(SerdeConfig.BASIC_AUTH_USER_INFO, config.registryUser() + ":" + config.registryPassword());
        }
        for (Map.Entry<String, Object> e : operator(config).entrySet()) {
            if (e.getKey().equals(SerdeConfig.AUTO_REGISTER_SCHEMAS) || e.getKey().equals(SerdeConfig.USE_LATEST_VERSION)) {
                p.put(e.getKey(), e.getValue());
            }
        }
        return p;
    }

    /**
     * The agent's SCRAM login when {@code kafka.user} is set (SASL_SSL unless the operator's
     * {@code kafka.security.protocol} says otherwise), then the operator's {@code kafka.*} settings.
     */
    private static Map<String, Object> operator(AgentConfig config) {
        Map<String, Object> p = new HashMap<>();
        if (!config.kafkaUser().isEmpty()) {
            p.putAll(BrokerAccounts.login("SASL_SSL", config.kafkaUser(), config.kafkaPassword()));
        }
        Properties kafka = config.kafka();
        for (String key : kafka.stringPropertyNames()) {
            if (!key.equals(SerdeConfig.AUTO_REGISTER_SCHEMAS) && !key.equals(SerdeConfig.USE_LATEST_VERSION)) {
                p.put(key, kafka.getProperty(key));
            }
        }
        return p;
    }

}
