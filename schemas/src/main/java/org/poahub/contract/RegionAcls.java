package org.poahub.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The one derivation of who may do what on the broker: the Kafka ACLs of a regional agent (regional), of the hub
 * and of whoever provisions agents, from the region codes and {@link Topics}. The provisioning command, the test
 * broker, the local stack and the Kubernetes {@code KafkaUser} resources all take their ACLs from here.
 *
 * <p>An agent of {@code BO-L} may write only {@code poa.bo-l.progress} and {@code poa.bo-l.expenditure}, read only
 * {@code poa.bo-l.outcomes} and {@code poa.plan}, and use only the consumer groups starting with
 * {@code poa-agent-<agent id>-}. Topic ACLs are literal, not the prefix {@code poa.bo-l.}, so an agent cannot write
 * its own outcomes. Its principal is {@code User:<agent id>} (the SCRAM user name is the agent id).
 */
public final class RegionAcls {

    /** What an agent id may look like (also its SCRAM user name and the middle of its consumer group ids). */
    public static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final String ANY_HOST = "*";

    private RegionAcls() {
    }

    /** {@code User:<name>}, the principal a SCRAM user authenticates as. */
    public static String principal(String user) {
        return "User:" + user;
    }

    /** Every consumer group of the agent starts with this: {@code poa-agent-<agent id>-}. */
    public static String agentGroupPrefix(String agentId) {
        return "poa-agent-" + requireAgentId(agentId) + "-";
    }

    /** The group the agent reads its outcomes (acuses) and the plan with. */
    public static String agentReceiptsGroup(String agentId) {
        return agentGroupPrefix(agentId) + "acuses";
    }

    public static boolean isAgentId(String agentId) {
        return agentId != null && AGENT_ID.matcher(agentId).matches();
    }

    public static String requireAgentId(String agentId) {
        if (!isAgentId(agentId)) {
            throw new IllegalArgumentException("Invalid agent id '" + agentId
                    + "': 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return agentId;
    }

    /** The ACLs of the agent {@code agentId} of {@code regionCode}, principal {@code User:<agentId>}. */
    public static List<AclBinding> forAgent(String regionCode, String agentId) {
        String principal = principal(requireAgentId(agentId));
        Topics.requireRegionCode(regionCode);
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(Topics.progress(regionCode), Topics.expenditure(regionCode))) {
            acls.add(allow(principal, literalTopic(topic), AclOperation.WRITE));
            acls.add(allow(principal, literalTopic(topic), AclOperation.DESCRIBE));
        }
        for (String topic : List.of(Topics.outcomes(regionCode), Topics.PLAN)) {
            acls.add(allow(principal, literalTopic(topic), AclOperation.READ));
            acls.add(allow(principal, literalTopic(topic), AclOperation.DESCRIBE));
        }
        ResourcePattern groups = new ResourcePattern(ResourceType.GROUP, agentGroupPrefix(agentId), PatternType.PREFIXED);
        acls.add(allow(principal, groups, AclOperation.READ));
        acls.add(allow(principal, groups, AclOperation.DESCRIBE));
        return List.copyOf(acls);
    }

    /**
     * The ACLs of the hub's principal for the given regions: read the report topics and commit offsets in the
     * consumer groups starting with {@code ingestGroupPrefix} (the ingest group id, {@code poa.ingest.group-id});
     * write (and create) outcomes, {@link Topics#DLQ}, {@link Topics#PLAN} and {@link Topics#FINANCE_EXECUTION}; describe what the consumer-lag gauge
     * lists. Nothing on the cluster: creating users and ACLs is {@link #forProvisioner}.
     */
    public static List<AclBinding> forHub(String hubUser, Iterable<String> regionCodes, String ingestGroupPrefix) {
        return forHub(hubUser, regionCodes, ingestGroupPrefix, Topics.PLAN);
    }

    /** {@link #forHub(String, Iterable, String)} with a plan topic of its own ({@code poa.plan.topic}). */
    public static List<AclBinding> forHub(String hubUser, Iterable<String> regionCodes, String ingestGroupPrefix,
                                          String planTopic) {
        String principal = principal(hubUser);
        List<AclBinding> acls = new ArrayList<>();
        for (String region : regionCodes) {
            for (String topic : List.of(Topics.progress(region), Topics.expenditure(region))) {
                acls.add(allow(principal, literalTopic(topic), AclOperation.READ));
                acls.add(allow(principal, literalTopic(topic), AclOperation.DESCRIBE));
                acls.add(allow(principal, literalTopic(topic), AclOperation.CREATE));
            }
            acls.addAll(written(principal, Topics.outcomes(region)));
        }
        acls.addAll(written(principal, Topics.DLQ));
        acls.addAll(written(principal, planTopic));
        acls.addAll(written(principal, Topics.FINANCE_EXECUTION));
        ResourcePattern group = new ResourcePattern(ResourceType.GROUP, ingestGroupPrefix, PatternType.PREFIXED);
        acls.add(allow(principal, group, AclOperation.READ));
        acls.add(allow(principal, group, AclOperation.DESCRIBE));
        return List.copyOf(acls);
    }

    /**
     * What provisioning agents needs (the hub's {@code provision-agent} command and admin API): create and delete
     * SCRAM credentials and ACLs, which Kafka authorizes as ALTER and DESCRIBE on the cluster. Give it only to the
     * principal that provisions; a hub without the admin API does not need it.
     */
    public static List<AclBinding> forProvisioner(String user) {
        String principal = principal(user);
        ResourcePattern cluster = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
        return List.of(allow(principal, cluster, AclOperation.ALTER), allow(principal, cluster, AclOperation.DESCRIBE));
    }

    /** Matches every ACL of the user (any resource, operation, host): what revoking an agent deletes. */
    public static AclBindingFilter everythingOf(String user) {
        return new AclBindingFilter(ResourcePatternFilter.ANY, new AccessControlEntryFilter(principal(user), null,
                AclOperation.ANY, AclPermissionType.ANY));
    }

    /** A readable line per ACL, e.g. {@code User:agente-bo-l WRITE TOPIC poa.bo-l.progress (LITERAL)}. */
    public static String describe(AclBinding acl) {
        return acl.entry().principal() + " " + acl.entry().operation() + " "
                + acl.pattern().resourceType() + " " + acl.pattern().name() + " ("
                + acl.pattern().patternType().name().toUpperCase(Locale.ROOT) + ")";
    }

    private static List<AclBinding> written(String principal, String topic) {
        return List.of(allow(principal, literalTopic(topic), AclOperation.WRITE),
                allow(principal, literalTopic(topic), AclOperation.DESCRIBE),
                allow(principal, literalTopic(topic), AclOperation.CREATE));
    }

    private static ResourcePattern literalTopic(String topic) {
        return new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    }

    private static AclBinding allow(String principal, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}
