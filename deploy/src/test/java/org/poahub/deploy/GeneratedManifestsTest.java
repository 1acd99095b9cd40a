package org.poahub.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.poahub.contract.RegionAcls;
import org.poahub.contract.Topics;
import org.poahub.plan.RegionCatalogue;

/**
 * The committed KafkaTopic and KafkaUser files are what {@link StrimziManifests} writes, and — read back through
 * Strimzi's model, independently of the generator — hold exactly the topics the code names and the ACLs
 * {@link RegionAcls} derives for every region of the catalogue.
 */
class GeneratedManifestsTest {

    private static final RegionCatalogue REGIONS = RegionCatalogue.loadDefault();
    private final HubManifests manifests = HubManifests.example();

    @Test
    void theCommittedFilesAreTheGeneratorsOutput() throws IOException {
        for (Map.Entry<Path, String> file : StrimziManifests.files(REGIONS).entrySet()) {
            assertThat(Files.readString(Manifests.DEPLOY.resolve(file.getKey())))
                    .as("%s is stale: run ./mvnw -q -pl deploy -am process-classes -Pgenerate-manifests", file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void theTopicsAreExactlyThoseTheCodeDerivesFromTheRegionCatalogue() {
        Set<String> expected = new HashSet<>(List.of(Topics.PLAN, Topics.DLQ, Topics.FINANCE_EXECUTION));
        for (RegionCatalogue.Region region : REGIONS.regions()) {
            for (Topics.Kind kind : Topics.Kind.values()) {
                expected.add(Topics.topic(region.code(), kind));
            }
        }
        List<KafkaTopic> topics = manifests.base(KafkaTopic.class);

        assertThat(topics).extracting(t -> t.getSpec().getTopicName()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(topics).allSatisfy(t -> assertThat(t.getMetadata().getName()).isEqualTo(t.getSpec().getTopicName()));
        assertThat(topics).filteredOn(t -> Topics.REPORT_TOPICS.matcher(t.getSpec().getTopicName()).matches())
                .as("what the hub subscribes to").hasSize(2 * REGIONS.regions().size());
    }

    @Test
    void thePlanIsCompactedAndEveryOtherTopicDeletesAfterItsRetention() {
        for (KafkaTopic topic : manifests.base(KafkaTopic.class)) {
            Map<String, Object> config = topic.getSpec().getConfig();
            if (topic.getSpec().getTopicName().equals(Topics.PLAN)
                    || topic.getSpec().getTopicName().equals(Topics.FINANCE_EXECUTION)) {
                assertThat(config).containsEntry("cleanup.policy", "compact").doesNotContainKey("retention.ms");
            } else {
                assertThat(config).as(topic.getSpec().getTopicName()).containsEntry("cleanup.policy", "delete")
                        .containsKey("retention.ms");
            }
            assertThat(config).containsEntry("min.insync.replicas", "2");
            assertThat(topic.getSpec().getReplicas()).isGreaterThan(2);
        }
    }

    @Test
    void eachRegionHasOneScramUserWithExactlyTheAclsRegionAclsDerives() {
        Map<String, KafkaUser> byRegion = manifests.base(KafkaUser.class).stream()
                .filter(u -> u.getMetadata().getLabels().containsKey(StrimziManifests.REGION_LABEL))
                .collect(Collectors.toMap(u -> u.getMetadata().getLabels().get(StrimziManifests.REGION_LABEL),
                        u -> u));

        assertThat(byRegion.keySet()).containsExactlyInAnyOrderElementsOf(
                REGIONS.regions().stream().map(RegionCatalogue.Region::code).toList());
        byRegion.forEach((region, user) -> {
            String agentId = user.getMetadata().getName();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            assertThat(bindings(user)).as(region)
                    .containsExactlyInAnyOrderElementsOf(RegionAcls.forAgent(region, agentId));
        });
    }

    @Test
    void theHubsUserHasExactlyTheAclsRegionAclsDerivesForItsGroupAndEveryRegion() {
        KafkaUser hub = manifests.base(KafkaUser.class).stream()
                .filter(u -> u.getMetadata().getName().equals(StrimziManifests.HUB_USER)).findFirst().orElseThrow();
        List<String> regions = REGIONS.regions().stream().map(RegionCatalogue.Region::code).toList();

        assertThat(hub.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
        assertThat(bindings(hub)).containsExactlyInAnyOrderElementsOf(RegionAcls.forHub(StrimziManifests.HUB_USER,
                regions, manifests.hubConfig(true).get("POA_INGEST_GROUP_ID")));
        assertThat(manifests.base(KafkaUser.class)).hasSize(regions.size() + 1);
    }

    /** A KafkaUser's rules as Kafka ACL bindings, read from Strimzi's model (not from the generator). */
    private static Set<AclBinding> bindings(KafkaUser user) {
        KafkaUserAuthorizationSimple authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        String principal = RegionAcls.principal(user.getMetadata().getName());
        Set<AclBinding> bindings = new HashSet<>();
        for (AclRule rule : authorization.getAcls()) {
            assertThat(rule.getType()).isEqualTo(AclRuleType.ALLOW);
            ResourcePattern pattern;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                pattern = new ResourcePattern(ResourceType.TOPIC, topic.getName(), patternType(topic.getPatternType()));
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                pattern = new ResourcePattern(ResourceType.GROUP, group.getName(), patternType(group.getPatternType()));
            } else if (rule.getResource() instanceof AclRuleClusterResource) {
                pattern = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
            } else {
                throw new AssertionError("unexpected ACL resource " + rule.getResource());
            }
            for (io.strimzi.api.kafka.model.user.acl.AclOperation operation : rule.getOperations()) {
                AclOperation kafka = java.util.Arrays.stream(AclOperation.values())
                        .filter(o -> o.name().replace("_", "").equals(operation.name())).findFirst().orElseThrow();
                String host = rule.getHost() == null ? "*" : rule.getHost();
                bindings.add(new AclBinding(pattern, new AccessControlEntry(principal, host, kafka,
                        AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static PatternType patternType(AclResourcePatternType type) {
        return type == null || type == AclResourcePatternType.LITERAL ? PatternType.LITERAL : PatternType.PREFIXED;
    }
}
