package org.poahub.hub.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaPropertiesTest {

    @Test
    void aUserMeansScramOverTlsByDefaultWithTheTrustStore() {
        KafkaProperties kafka = new KafkaProperties("k:9093", null, "SCRAM-SHA-512", "poa-hub", "secret",
                "/etc/poa/ca.crt", "PEM", null, null, null, Map.of());
        assertThat(kafka.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"poa-hub\" password=\"secret\";")
                .containsEntry("ssl.truststore.location", "/etc/poa/ca.crt").containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("bootstrap.servers", "k:9093");
        assertThat(kafka.agentBootstrapServers()).isEqualTo("k:9093");
        assertThat(kafka.toString()).doesNotContain("secret");
    }

    @Test
    void noUserMeansPlaintextAndTheClientMapWins() {
        KafkaProperties kafka = new KafkaProperties("k:9092", null, "SCRAM-SHA-512", null, null, null, "PEM", null,
                "agents:9093", null, Map.of("security.protocol", "SSL"));
        assertThat(kafka.securityProtocol()).isEqualTo("PLAINTEXT");
        assertThat(kafka.clientProperties()).containsEntry("security.protocol", "SSL")
                .doesNotContainKey("sasl.jaas.config");
        assertThat(kafka.additionalClientProperties()).doesNotContainKey("bootstrap.servers");
        assertThat(kafka.agentBootstrapServers()).isEqualTo("agents:9093");
    }

    @Test
    void saslWithoutAPasswordIsRefusedNamingTheSettings() {
        assertThatThrownBy(() -> new KafkaProperties("k:9093", "SASL_SSL", "SCRAM-SHA-512", "poa-hub", null, null,
                "PEM", null, null, null, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POA_KAFKA_PASSWORD");
    }
}
