package org.poahub.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.poahub.contract.BrokerAccounts;
import org.poahub.contract.RegionAcls;
import org.poahub.plan.RegionCatalogue;
import org.poahub.testkit.BrokerSecurity;
import org.poahub.testkit.KraftBroker;

/**
 * The local stack's Kafka broker as production runs it: SCRAM-SHA-512 and ACLs, the hub on a SASL listener on
 * 127.0.0.1, agents over TLS with a CA generated on the first start under {@code var/kafka/security}. The hub's own
 * principal ({@value #HUB_USER}) and each simulated agent get exactly the ACLs of {@link RegionAcls}; passwords are
 * generated into {@code var/local-credentials.properties}.
 */
final class LocalBroker {

    static final String HUB_USER = "poa-hub";
    static final String HUB_GROUP = "poa-hub";

    private LocalBroker() {
    }

    static KraftBroker start(Path var, LocalSettings settings) {
        Path dir = var.resolve("kafka");
        Path security = dir.resolve("security");
        if (Files.exists(dir.resolve("kraft-logs/meta.properties"))
                && !Files.exists(security.resolve("security.properties"))) {
            throw new IllegalStateException(dir + " was created by an earlier version of the local stack, without"
                    + " authentication; stop the stack, delete that folder (the hub's data is in PostgreSQL and the"
                    + " agents resend what was not acknowledged) and start again");
        }
        return KraftBroker.builder(dir)
                .secured(BrokerSecurity.createOrLoad(security, List.of()))
                .port(settings.kafkaPort())
                .agentPort(settings.kafkaTlsPort())
                .logFile(var.resolve("logs/kafka.log"))
                .property("auto.create.topics.enable", "false")
                .start();
    }

    /** The hub's account and one per simulated agent (created, or their password and ACLs set again). */
    static void createAccounts(KraftBroker broker, LocalCredentials credentials, List<String> agentRegions) {
        List<String> regions = RegionCatalogue.loadDefault().regions().stream().map(RegionCatalogue.Region::code)
                .toList();
        try (Admin admin = Admin.create(broker.adminClientProperties())) {
            List<AclBinding> hub = new ArrayList<>(RegionAcls.forHub(HUB_USER, regions, HUB_GROUP));
            // The hub's admin API provisions agents (provision-agent), so its principal may create users and ACLs.
            hub.addAll(RegionAcls.forProvisioner(HUB_USER));
            BrokerAccounts.create(admin, HUB_USER, credentials.secret("kafka." + HUB_USER), hub);
            for (String region : agentRegions) {
                String agent = LocalCredentials.agentUser(region);
                BrokerAccounts.create(admin, agent, credentials.secret("kafka." + agent),
                        RegionAcls.forAgent(region, agent));
            }
        }
    }

    static Map<String, Object> hubProperties(KraftBroker broker, LocalCredentials credentials) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("poa.kafka.bootstrap-servers", broker.bootstrapServers());
        p.put("poa.kafka.security-protocol", "SASL_PLAINTEXT");
        p.put("poa.kafka.username", HUB_USER);
        p.put("poa.kafka.password", credentials.secret("kafka." + HUB_USER));
        p.put("poa.kafka.agent-bootstrap-servers", broker.agentBootstrapServers());
        p.put("poa.kafka.agent-ca-file", broker.security().certificates().caCertificate().toString());
        p.put("poa.ingest.group-id", HUB_GROUP);
        return p;
    }
}
