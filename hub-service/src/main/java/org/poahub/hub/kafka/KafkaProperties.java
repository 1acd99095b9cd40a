package org.poahub.hub.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.poahub.contract.BrokerAccounts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches Kafka ({@code poa.kafka.*}; e.g. {@code POA_KAFKA_BOOTSTRAP_SERVERS}, {@code POA_KAFKA_PASSWORD}).
 *
 * @param bootstrapServers      broker list
 * @param securityProtocol      {@code SASL_SSL}, {@code SASL_PLAINTEXT} or {@code PLAINTEXT}; default {@code SASL_SSL}
 *                              when a {@code username} is set, else {@code PLAINTEXT}
 * @param saslMechanism         default {@code SCRAM-SHA-512}, the one mechanism the project's brokers enable
 * @param username              the hub's own Kafka principal (SCRAM user), e.g. {@code poa-hub}
 * @param password              its password (from a secret, never in a file of the repository)
 * @param truststoreLocation    CA certificate(s) to trust for TLS (PEM by default); unset = the JVM's trust store
 * @param truststoreType        {@code PEM} (default), {@code PKCS12} or {@code JKS}
 * @param truststorePassword    for PKCS12/JKS trust stores
 * @param agentBootstrapServers what regional agents connect to (their TLS listener), written into the
 *                              {@code poa-agent.properties} that agent provisioning produces; default the hub's own
 * @param agentCaFile           the CA certificate (PEM) agents must trust, copied into that file
 * @param client                extra client properties for every producer, consumer and admin client; they win
 */
@ConfigurationProperties("poa.kafka")
public record KafkaProperties(@DefaultValue("localhost:9092") String bootstrapServers, String securityProtocol,
                              @DefaultValue(BrokerAccounts.MECHANISM) String saslMechanism, String username,
                              String password, String truststoreLocation, @DefaultValue("PEM") String truststoreType,
                              String truststorePassword, String agentBootstrapServers, String agentCaFile,
                              Map<String, String> client) {

    public KafkaProperties {
        client = client == null ? Map.of() : Map.copyOf(client);
        if (securityProtocol == null || securityProtocol.isBlank()) {
            securityProtocol = hasText(username) ? "SASL_SSL" : "PLAINTEXT";
        }
        if (securityProtocol.startsWith("SASL_") && !(hasText(username) && hasText(password))
                && !client.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            throw new IllegalArgumentException("poa.kafka.security-protocol is " + securityProtocol
                    + " but poa.kafka.username / poa.kafka.password (POA_KAFKA_USERNAME, POA_KAFKA_PASSWORD) are not set");
        }
        if (agentBootstrapServers == null || agentBootstrapServers.isBlank()) {
            agentBootstrapServers = bootstrapServers;
        }
    }

    /** Bootstrap servers, security and login, then {@link #client()}: what every Kafka client of the hub gets. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        if (hasText(username) && hasText(password)) {
            p.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            p.put(SaslConfigs.SASL_JAAS_CONFIG, BrokerAccounts.jaas(username, password));
        }
        if (hasText(truststoreLocation)) {
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
            p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
            if (hasText(truststorePassword)) {
                p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
        }
        p.putAll(client);
        return p;
    }

    /** {@link #clientProperties()} without the bootstrap servers (camel-kafka takes those as {@code brokers}). */
    public Map<String, Object> additionalClientProperties() {
        Map<String, Object> p = clientProperties();
        p.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        return p;
    }

    @Override
    public String toString() {
        return "KafkaProperties[bootstrapServers=" + bootstrapServers + ", securityProtocol=" + securityProtocol
                + ", username=" + username + ", password=" + (password == null ? "unset" : "hidden") + "]";
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
