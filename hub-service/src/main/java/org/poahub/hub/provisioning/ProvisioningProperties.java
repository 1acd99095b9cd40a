package org.poahub.hub.provisioning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What agent provisioning writes into an office's {@code poa-agent.properties} besides the credentials
 * ({@code poa.provisioning.*}; the Kafka address and CA come from {@code poa.kafka.agent-bootstrap-servers} and
 * {@code poa.kafka.agent-ca-file}).
 *
 * @param registryUrl the schema registry URL as the offices reach it (the hub's public URL with the embedded one)
 * @param dataDir     the agent's data folder on the office PC
 */
@ConfigurationProperties("poa.provisioning")
public record ProvisioningProperties(@DefaultValue("https://hub.example.org") String registryUrl,
                                     @DefaultValue("/var/lib/poa-agent") String dataDir) {
}
