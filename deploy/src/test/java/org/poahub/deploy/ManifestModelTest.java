package org.poahub.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poahub.deploy.Manifests.Manifest;

/** Every Kubernetes manifest reads into its model, and the resources agree with each other. */
class ManifestModelTest {

    private final HubManifests manifests = HubManifests.example();

    @Test
    void everyManifestReadsIntoTheModelOfItsKind() {
        List<Manifest> all = Manifests.under(Manifests.K8S);

        Set<String> kinds = all.stream().map(Manifest::kind).collect(Collectors.toCollection(TreeSet::new));
        assertThat(kinds).containsExactly(
                "Cluster", "ConfigMap", "Deployment", "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser",
                "Kustomization", "PodDisruptionBudget", "Service");
        assertThat(all).filteredOn(m -> m.kind().startsWith("Kafka"))
                .allSatisfy(m -> assertThat(m.resource()).isNotInstanceOf(GenericKubernetesResource.class));
    }

    @Test
    void aFieldTheModelDoesNotKnowIsAnError(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: hub
                          readinesProbe: {httpGet: {path: /actuator/health/readiness, port: http}}
                """);
        Path wrongVersion = dir.resolve("version.yaml");
        Files.writeString(wrongVersion, "apiVersion: kafka.strimzi.io/v9\nkind: KafkaTopic\nmetadata: {name: x}\n");

        assertThatThrownBy(() -> Manifests.read(typo)).hasMessageContaining("readinesProbe")
                .hasMessageContaining("Deployment.spec.template.spec.containers[0]");
        assertThatThrownBy(() -> Manifests.read(wrongVersion)).hasMessageContaining("no model for kafka.strimzi.io/v9");
    }

    @Test
    void eachKustomizationListsExactlyTheFilesBesideIt() throws IOException {
        JsonNode base = kustomization(HubManifests.BASE);
        assertThat(paths(base.path("resources"))).containsExactlyInAnyOrderElementsOf(
                yamlBeside(HubManifests.BASE));

        JsonNode overlay = kustomization(HubManifests.EXAMPLE);
        assertThat(paths(overlay.path("resources"))).containsExactly("../../base");
        assertThat(paths(overlay.path("patches"))).containsExactlyInAnyOrderElementsOf(
                yamlBeside(HubManifests.EXAMPLE));
        assertThat(overlay.path("images").findValuesAsText("name")).containsExactly(
                HubManifests.hubContainer(manifests.hubDeployment()).getImage());
    }

    @Test
    void theOverlayOnlyPatchesResourcesOfTheBase() {
        Set<String> baseResources = manifests.base().stream().map(m -> m.kind() + "/" + m.name())
                .collect(Collectors.toSet());

        assertThat(manifests.overlay()).filteredOn(m -> !m.kind().equals("Kustomization"))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(baseResources).as(m.where()).contains(m.kind() + "/" + m.name()));
    }

    @Test
    void noSecretValueIsInTheRepository() throws IOException {
        assertThat(Manifests.under(Manifests.K8S)).noneMatch(m -> m.kind().equals("Secret"));
        for (Path dir : List.of(HubManifests.BASE, HubManifests.EXAMPLE)) {
            assertThat(kustomization(dir).has("secretGenerator")).as(dir.toString()).isFalse();
        }
    }

    @Test
    void theHubRunsTwoOrMoreReplicasWithProbesNonRootOnAReadOnlyRootFilesystem() throws IOException {
        Deployment deployment = manifests.hubDeployment();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container hub = HubManifests.hubContainer(deployment);

        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(manifests.overlay(Deployment.class)).allSatisfy(d ->
                assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(hub.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(hub.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(hub.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(hub.getPorts()).extracting("name").contains(hub.getLivenessProbe().getHttpGet().getPort().getStrVal(),
                hub.getReadinessProbe().getHttpGet().getPort().getStrVal());
        assertThat(String.valueOf(hub.getPorts().get(0).getContainerPort()))
                .isEqualTo(manifests.hubConfig(true).get("POA_HTTP_PORT"));

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(hub.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(hub.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(hub.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        VolumeMount tmp = hub.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow();
        Volume tmpVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow();
        assertThat(tmpVolume.getEmptyDir()).isNotNull();
        assertThat(hub.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(hub.getResources().getLimits()).containsKey("memory");

        JsonNode health = new YAMLMapper().readTree(HubConfiguration.applicationYml())
                .path("management").path("endpoint").path("health");
        assertThat(health.path("probes").path("enabled").asBoolean()).as("probe health groups on").isTrue();
        assertThat(health.path("group").path("readiness").path("include").asText()).contains("db");
    }

    @Test
    void theServiceIngressAndDisruptionBudgetReachTheHubPods() {
        Deployment deployment = manifests.hubDeployment();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Service service = manifests.baseOne(Service.class, HubManifests.HUB);
        Ingress ingress = manifests.baseOne(Ingress.class, HubManifests.HUB);
        PodDisruptionBudget budget = manifests.baseOne(PodDisruptionBudget.class, HubManifests.HUB);

        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector())
                .containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
        assertThat(HubManifests.hubContainer(deployment).getPorts()).extracting("name")
                .contains(service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        for (Ingress each : List.of(ingress, manifests.overlay(Ingress.class).get(0))) {
            Set<String> tlsHosts = each.getSpec().getTls().stream().map(IngressTLS::getHosts).flatMap(List::stream)
                    .collect(Collectors.toSet());
            assertThat(each.getSpec().getTls()).allSatisfy(tls -> assertThat(tls.getSecretName()).isNotBlank());
            assertThat(each.getSpec().getRules()).allSatisfy(rule -> {
                assertThat(tlsHosts).as("every host served over TLS").contains(rule.getHost());
                assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
                    assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo(service.getSpec().getPorts().get(0).getName());
                });
            });
            assertThat(each.getSpec().getRules()).extracting(IngressRule::getHost).isNotEmpty();
        }
    }

    @Test
    void kafkaRunsInKraftModeWithScramOverTlsAndTheSimpleAuthorizer() {
        Kafka kafka = manifests.baseOne(Kafka.class, StrimziManifests.CLUSTER);
        List<KafkaNodePool> pools = manifests.base(KafkaNodePool.class);

        assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
                .containsEntry(StrimziManifests.CLUSTER_LABEL, kafka.getMetadata().getName()));
        assertThat(pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum()).as("KRaft controllers").isGreaterThanOrEqualTo(3);
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(KafkaTopicPlan.REPLICAS);
        assertThat(kafka.getSpec().getKafka().getListeners()).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.isTls()).as(listener.getName()).isTrue();
            assertThat(listener.getAuth()).as(listener.getName())
                    .isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        });
        assertThat(kafka.getSpec().getKafka().getAuthorization().getType()).isEqualTo("simple");
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).isNotNull();
        assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).isNotNull();

        GenericKafkaListener internal = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> l.getType().toValue().equals("internal")).findFirst().orElseThrow();
        assertThat(manifests.hubConfig(true).get("POA_KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + internal.getPort());
        assertThat(manifests.hubConfig(true)).containsEntry("POA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("POA_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("POA_KAFKA_USERNAME", StrimziManifests.HUB_USER);
        assertThat(manifests.base(KafkaUser.class)).extracting(u -> u.getMetadata().getName())
                .contains(StrimziManifests.HUB_USER);
    }

    @Test
    void topicsAndUsersBelongToTheClusterAndMatchTheHubsTopicSettings() {
        String cluster = manifests.baseOne(Kafka.class, StrimziManifests.CLUSTER).getMetadata().getName();
        Map<String, String> hub = manifests.hubConfig(true);

        assertThat(manifests.base(KafkaTopic.class)).isNotEmpty().allSatisfy(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsEntry(StrimziManifests.CLUSTER_LABEL, cluster);
            assertThat(String.valueOf(topic.getSpec().getPartitions())).isEqualTo(hub.get("POA_INGEST_TOPIC_PARTITIONS"));
            assertThat(String.valueOf(topic.getSpec().getReplicas())).isEqualTo(hub.get("POA_INGEST_REPLICATION_FACTOR"));
        });
        assertThat(manifests.base(KafkaUser.class)).isNotEmpty().allSatisfy(user ->
                assertThat(user.getMetadata().getLabels()).containsEntry(StrimziManifests.CLUSTER_LABEL, cluster));
        assertThat(hub).containsEntry("POA_INGEST_GROUP_ID", StrimziManifests.HUB_GROUP);
    }

    @Test
    void postgresIsAThreeInstanceCloudNativePgClusterOwningTheHubsDatabase() {
        GenericKubernetesResource cluster = manifests.base(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("Cluster")).findFirst().orElseThrow();
        URI jdbc = URI.create(manifests.hubConfig(true).get("POA_DB_URL").substring("jdbc:".length()));

        assertThat(cluster.<Integer>get("spec", "instances")).isEqualTo(3);
        assertThat(jdbc.getHost()).as("the read-write service").isEqualTo(cluster.getMetadata().getName() + "-rw");
        assertThat(jdbc.getPath()).isEqualTo("/" + cluster.get("spec", "bootstrap", "initdb", "database"));
    }

    private static JsonNode kustomization(Path dir) throws IOException {
        return new YAMLMapper().readTree(dir.resolve("kustomization.yaml").toFile());
    }

    private static List<String> paths(JsonNode entries) {
        return entries.findValuesAsText("path").isEmpty()
                ? toStrings(entries) : entries.findValuesAsText("path");
    }

    private static List<String> toStrings(JsonNode entries) {
        List<String> values = new java.util.ArrayList<>();
        entries.forEach(e -> values.add(e.asText()));
        return values;
    }

    private static List<String> yamlBeside(Path dir) {
        return Manifests.yamlFiles(dir).stream().map(f -> dir.relativize(f).toString().replace('\\', '/'))
                .filter(f -> !f.equals("kustomization.yaml")).toList();
    }
}
