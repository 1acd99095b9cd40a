package org.poahub.hub.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentPropertiesFileTest {

    static final String CA = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIIQ3\n-----END CERTIFICATE-----\n";

    @Test
    void theFileTheOfficeGetsReadsBackToExactlyTheProvisionedValuesCaCertificateIncluded() throws Exception {
        String text = AgentPropertiesFile.render("BO-L", "agente-la-paz-1", "kafka.example.org:9093", "k=p:ss#1",
                CA, "https://hub.example.org", "r-pass", "/var/lib/poa-agent");
        Properties p = new Properties();
        p.load(new StringReader(text));

        assertThat(p).containsAllEntriesOf(Map.of("region", "BO-L", "agent.id", "agente-la-paz-1",
                "kafka.bootstrap.servers", "kafka.example.org:9093", "kafka.security.protocol", "SASL_SSL",
                "kafka.user", "agente-la-paz-1", "kafka.password", "k=p:ss#1", "kafka.ssl.truststore.type", "PEM",
                "registry.url", "https://hub.example.org", "registry.user", "agente-la-paz-1",
                "registry.password", "r-pass"));
        assertThat(p.getProperty("kafka.ssl.truststore.certificates")).isEqualTo(CA.strip());
        assertThat(text.lines().filter(l -> l.startsWith("#")).toList()).hasSize(3)
                .allMatch(l -> !l.contains("r-pass") && !l.contains("k=p"));
    }

    @Test
    void withoutACaTheAgentTrustsItsJvmsDefaultStore() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(AgentPropertiesFile.render("BO-C", "a", "k:9093", "x", null, "https://h", "y", "d")));
        assertThat(p.stringPropertyNames()).doesNotContain("kafka.ssl.truststore.type",
                "kafka.ssl.truststore.certificates");
    }

    @Test
    void commandOptionsTakeBothSpellingsAndRefuseStrayWords() {
        assertThat(AgentProvisioningCommand.options(List.of("--region", "BO-L", "--agent-id=agente-1")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("region", "BO-L", "agent-id", "agente-1"));
        assertThat(AgentProvisioningCommand.options(List.of("BO-L"))).isNull();
        assertThat(AgentProvisioningCommand.options(List.of("--region"))).isNull();
    }
}
