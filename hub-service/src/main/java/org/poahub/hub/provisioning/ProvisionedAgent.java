package org.poahub.hub.provisioning;

/**
 * A newly provisioned agent as handed to the office, once: its passwords are nowhere else in clear (the broker and
 * the hub keep only salted hashes).
 *
 * @param agentId          agent id, also its Kafka user and registry account
 * @param region           region code
 * @param kafkaPassword    the SCRAM-SHA-512 password
 * @param registryPassword the read-only registry account's password
 * @param properties       the complete {@code poa-agent.properties}, CA certificate included
 */
public record ProvisionedAgent(String agentId, String region, String kafkaPassword, String registryPassword,
                               String properties) {

    @Override
    public String toString() {
        return "ProvisionedAgent[" + agentId + ", " + region + ", passwords hidden]";
    }
}
