package org.poahub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.poahub.hub.kafka.KafkaProperties;
import org.poahub.hub.security.Roles;
import org.poahub.hub.security.SecurityProperties;

/**
 * Every environment variable the Deployment gives the hub (its own {@code env}, and the keys of the ConfigMaps it
 * takes with {@code envFrom}, in the base and with the overlay's patches) is one the hub binds: Spring reads it while
 * binding the hub's configuration ({@link HubConfiguration}). A misspelt or retired variable would be silently
 * ignored by the hub in the cluster; here it fails.
 */
class ManifestEnvironmentTest {

    private final HubManifests manifests = HubManifests.example();

    @Test
    void theBaseSetsOnlyVariablesTheHubBinds() {
        assertEveryVariableIsBound(environment(false));
    }

    @Test
    void theExampleOverlaySetsOnlyVariablesTheHubBinds() {
        assertEveryVariableIsBound(environment(true));
    }

    @Test
    void aVariableTheHubDoesNotBindIsFound() {
        Map<String, String> environment = environment(true);
        environment.put("POA_INGEST_CONSUMER", "4");
        environment.put("POA_DB_PASWORD", "x");

        Set<String> unbound = unbound(environment, HubConfiguration.bind(environment).readVariables());

        assertThat(unbound).containsExactly("POA_DB_PASWORD", "POA_INGEST_CONSUMER");
    }

    @Test
    void theHubLogsInToKafkaWithScramOverTlsTrustingTheMountedClusterCa() {
        KafkaProperties kafka = HubConfiguration.bind(environment(true)).get(KafkaProperties.class);
        Set<String> known = new TreeSet<>(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        Container hub = HubManifests.hubContainer(manifests.hubDeployment());

        assertThat(known).containsAll(kafka.clientProperties().keySet());
        assertThat(kafka.clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.type", "PEM")
                .containsKey("sasl.jaas.config");
        assertThat(hub.getVolumeMounts()).anySatisfy(mount ->
                assertThat(kafka.truststoreLocation()).startsWith(mount.getMountPath() + "/"));
    }

    @Test
    void theAccountsItEnsuresHaveRolesTheHubKnows() {
        SecurityProperties security = HubConfiguration.bind(environment(true)).get(SecurityProperties.class);

        assertThat(security.users()).isNotEmpty().allSatisfy(user ->
                assertThat(Roles.ALL).as(user.name()).containsAll(user.roles()));
        assertThat(security.users()).extracting(SecurityProperties.User::name)
                .contains(manifests.hubConfig(true).get("POA_REGISTRY_USER"));
        assertThat(security.initialAdmin().name()).isNotBlank();
    }

    @Test
    void everySecretTheHubNeedsIsMadeByAnOperatorOrDocumentedForTheClusterOperator() throws IOException {
        Deployment deployment = manifests.hubDeployment();
        Set<String> referenced = new TreeSet<>();
        HubManifests.hubContainer(deployment).getEnv().stream().filter(v -> v.getValueFrom() != null)
                .forEach(v -> referenced.add(v.getValueFrom().getSecretKeyRef().getName()));
        deployment.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getSecret() != null)
                .forEach(v -> referenced.add(v.getSecret().getSecretName()));
        manifests.base(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).forEach(i ->
                i.getSpec().getTls().forEach(tls -> referenced.add(tls.getSecretName())));

        Set<String> byOperators = new TreeSet<>();
        manifests.base(KafkaUser.class).forEach(u -> byOperators.add(u.getMetadata().getName()));
        manifests.base(Kafka.class).forEach(k -> byOperators.add(k.getMetadata().getName() + "-cluster-ca-cert"));
        manifests.base(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals("Cluster"))
                .forEach(c -> byOperators.add(c.getMetadata().getName() + "-app"));
        String readme = Files.readString(Manifests.K8S.resolve("README.md"));

        assertThat(referenced).isNotEmpty();
        assertThat(referenced).filteredOn(name -> !byOperators.contains(name))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(readme).as("k8s/README.md documents the Secret " + name)
                        .contains("`" + name + "`"));
    }

    private static void assertEveryVariableIsBound(Map<String, String> environment) {
        HubConfiguration.Bound bound = HubConfiguration.bind(environment);

        assertThat(unbound(environment, bound.readVariables()))
                .as("variables the hub binds: %s", bound.readVariables()).isEmpty();
    }

    private static Set<String> unbound(Map<String, String> environment, Set<String> read) {
        return environment.keySet().stream().filter(name -> !read.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The hub container's environment: ConfigMap values as written, Secret-backed variables with a stand-in value
     * (only their names matter; a Secret's content is not in the repository).
     */
    private Map<String, String> environment(boolean withOverlay) {
        Container hub = HubManifests.hubContainer(manifests.hubDeployment());
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource from : hub.getEnvFrom()) {
            assertThat(from.getConfigMapRef()).as("envFrom takes ConfigMaps only").isNotNull();
            assertThat(from.getPrefix()).isNull();
            ConfigMap config = manifests.baseOne(ConfigMap.class, from.getConfigMapRef().getName());
            environment.putAll(config.getData());
            if (withOverlay) {
                environment.putAll(manifests.hubConfig(true));
            }
        }
        for (EnvVar variable : hub.getEnv()) {
            environment.put(variable.getName(), variable.getValue() != null ? variable.getValue()
                    : "secret:" + variable.getValueFrom().getSecretKeyRef().getKey());
        }
        return environment;
    }
}
