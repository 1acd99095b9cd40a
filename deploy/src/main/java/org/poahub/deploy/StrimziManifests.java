package org.poahub.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicBuilder;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimpleBuilder;
import io.strimzi.api.kafka.model.user.KafkaUserBuilder;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.poahub.contract.RegionAcls;
import org.poahub.plan.RegionCatalogue;

/**
 * Writes the per-region Strimzi resources of {@code deploy/k8s/base/kafka} from the code, so the manifests and the
 * hub never disagree on a topic name or an ACL: {@code KafkaTopic}s from {@link KafkaTopicPlan}, and a SCRAM-SHA-512
 * {@code KafkaUser} per region and one for the hub carrying the ACLs {@link RegionAcls} derives. {@code GeneratedManifestsTest}
 * fails when a committed file differs from what this writes. Regenerate with
 * {@code ./mvnw -q -pl deploy -am process-classes -Pgenerate-manifests}.
 */
public final class StrimziManifests {

    /** The Strimzi {@code Kafka} resource's name ({@code deploy/k8s/base/kafka/kafka.yaml}). */
    public static final String CLUSTER = "poa";
    public static final String CLUSTER_LABEL = "strimzi.io/cluster";
    /** Marks a region's KafkaUser with its region code. */
    public static final String REGION_LABEL = "poa-hub.org/region";
    public static final Path TOPICS_FILE = Path.of("k8s", "base", "kafka", "topics.yaml");
    public static final Path USERS_FILE = Path.of("k8s", "base", "kafka", "users.yaml");
    /** The hub's SCRAM user; Strimzi writes its password and JAAS line to the Secret of the same name. */
    public static final String HUB_USER = "poa-hub";
    /** The hub's consumer group (the ConfigMap's {@code POA_INGEST_GROUP_ID}). */
    public static final String HUB_GROUP = "poa-hub";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrimziManifests() {
    }

    public static List<KafkaTopic> topics(RegionCatalogue regions) {
        return KafkaTopicPlan.topics(regions).stream().map(StrimziManifests::topic).toList();
    }

    private static KafkaTopic topic(KafkaTopicPlan.PlannedTopic planned) {
        Map<String, Object> config = new LinkedHashMap<>(planned.config());
        return new KafkaTopicBuilder()
                .withNewMetadata().withName(planned.name()).addToLabels(CLUSTER_LABEL, CLUSTER).endMetadata()
                .withNewSpec()
                .withTopicName(planned.name())
                .withPartitions(planned.partitions())
                .withReplicas(KafkaTopicPlan.REPLICAS)
                .withConfig(config)
                .endSpec()
                .build();
    }

    /** The agent id (and SCRAM user) of a region's agent, as in the local stack: {@code agente-bo-l}. */
    public static String agentId(String regionCode) {
        return "agente-" + regionCode.toLowerCase(Locale.ROOT);
    }

    /** One KafkaUser per region (its agent), then the hub's. */
    public static List<KafkaUser> users(RegionCatalogue regions) {
        List<String> codes = regions.regions().stream().map(RegionCatalogue.Region::code).sorted().toList();
        List<KafkaUser> users = new java.util.ArrayList<>();
        for (String region : codes) {
            users.add(user(agentId(region), region, RegionAcls.forAgent(region, agentId(region))));
        }
        users.add(user(HUB_USER, null, RegionAcls.forHub(HUB_USER, codes, HUB_GROUP)));
        return List.copyOf(users);
    }

    private static KafkaUser user(String name, String region, List<AclBinding> acls) {
        KafkaUserBuilder builder = new KafkaUserBuilder()
                .withNewMetadata().withName(name).addToLabels(CLUSTER_LABEL, CLUSTER).endMetadata();
        if (region != null) {
            builder.editMetadata().addToLabels(REGION_LABEL, region).endMetadata();
        }
        return builder.withNewSpec()
                .withAuthentication(new KafkaUserScramSha512ClientAuthentication())
                .withAuthorization(new KafkaUserAuthorizationSimpleBuilder().withAcls(StrimziAcls.rules(acls)).build())
                .endSpec()
                .build();
    }

    /** The files this generator owns, relative to the {@code deploy} directory, with their content. */
    public static Map<Path, String> files(RegionCatalogue regions) {
        return Map.of(TOPICS_FILE, document("KafkaTopic per topic the hub and the agents use", topics(regions)),
                USERS_FILE, document("KafkaUser (SCRAM-SHA-512) per region's agent and for the hub, with their ACLs",
                        users(regions)));
    }

    static String document(String what, List<? extends HasMetadata> resources) {
        StringBuilder out = new StringBuilder()
                .append("# ").append(what).append(".\n")
                .append("# Generated from the region catalogue by org.poahub.deploy.StrimziManifests: do not edit;\n")
                .append("# regenerate with ./mvnw -q -pl deploy -am process-classes"
                        + " -Pgenerate-manifests\n");
        for (HasMetadata resource : resources) {
            String yaml = SERIALIZATION.asYaml(resource);
            out.append(yaml.startsWith("---") ? "" : "---\n").append(yaml);
        }
        return out.toString();
    }

    /** Writes the generated files under the {@code deploy} directory given (default: the current directory). */
    public static void main(String[] args) throws IOException {
        Path deploy = Path.of(args.length > 0 ? args[0] : ".");
        if (!Files.isDirectory(deploy.resolve("k8s"))) {
            throw new IllegalArgumentException(deploy.toAbsolutePath() + " is not the deploy directory (no k8s/ in it)");
        }
        for (Map.Entry<Path, String> file : files(RegionCatalogue.loadDefault()).entrySet()) {
            Path target = deploy.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + target);
        }
    }
}
