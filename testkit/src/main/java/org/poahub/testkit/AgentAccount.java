package org.poahub.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.poahub.contract.BrokerAccounts;

/**
 * A regional agent's Kafka account on a secured test broker, as provisioning hands it to an office: SCRAM user
 * (= agent id) and password, the agents' TLS listener and the CA certificate to trust.
 *
 * @param region           region code, e.g. {@code BO-L}
 * @param user             SCRAM user name (the agent id)
 * @param password         its password
 * @param bootstrapServers the agents' SASL_SSL listener
 * @param caCertificatePem the broker CA, PEM
 */
public record AgentAccount(String region, String user, String password, String bootstrapServers,
                           String caCertificatePem) {

    /** Producer/consumer settings that log in as this agent over TLS. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>(BrokerAccounts.login("SASL_SSL", user, password));
        p.put("bootstrap.servers", bootstrapServers);
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.certificates", caCertificatePem);
        return p;
    }

    /** The same as the agent's {@code poa-agent.properties} keys ({@code kafka.*}, {@code agent.id}, {@code region}). */
    public Properties agentConfig() {
        Properties p = new Properties();
        p.setProperty("region", region);
        p.setProperty("agent.id", user);
        p.setProperty("kafka.bootstrap.servers", bootstrapServers);
        p.setProperty("kafka.security.protocol", "SASL_SSL");
        p.setProperty("kafka.user", user);
        p.setProperty("kafka.password", password);
        p.setProperty("kafka.ssl.truststore.type", "PEM");
        p.setProperty("kafka.ssl.truststore.certificates", caCertificatePem);
        return p;
    }

    /** The same account with another password (e.g. a wrong one, for a test of a refused login). */
    public AgentAccount withPassword(String otherPassword) {
        return new AgentAccount(region, user, otherPassword, bootstrapServers, caCertificatePem);
    }

    @Override
    public String toString() {
        return "AgentAccount[" + region + ", " + user + ", password hidden, " + bootstrapServers + "]";
    }
}
