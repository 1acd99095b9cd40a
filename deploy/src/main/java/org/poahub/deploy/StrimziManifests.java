package org.poahub.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.topic.KafkaTopicBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poahub.plan.RegionCatalogue;

/**
 * Writes the per-region Strimzi resources of {@code deploy/k8s/base/kafka} from the code, so the manifests and the
 * hub never disagree on a topic name: {@code KafkaTopic}s from {@link KafkaTopicPlan}. {@code GeneratedManifestsTest}
 * fails when a committed file differs from what this writes. Regenerate with
 * {@code ./mvnw -q -pl deploy -am process-classes -Pgenerate-manifests}.
 */
public final class StrimziManifests {

    /** The Strimzi {@code Kafka} resource's name ({@code deploy/k8s/base/kafka/kafka.yaml}). */
    public static final String CLUSTER = "poa";
    public static final String CLUSTER_LABEL = "strimzi.io/cluster";
    public static final Path TOPICS_FILE = Path.of("k8s", "base", "kafka", "topics.yaml");

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

    /** The files this generator owns, relative to the {@code deploy} directory, with their content. */
    public static Map<Path, String> files(RegionCatalogue regions) {
        return Map.of(TOPICS_FILE, document("KafkaTopic per topic the hub and the agents use", topics(regions)));
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
