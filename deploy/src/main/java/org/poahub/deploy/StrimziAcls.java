package org.poahub.deploy;

import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleBuilder;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;

/**
 * Kafka's {@link AclBinding}s (as {@code org.poahub.contract.RegionAcls} derives them) written as the ACL rules of a
 * Strimzi {@code KafkaUser}: one rule per resource with all its operations, in the order the bindings come.
 */
final class StrimziAcls {

    private StrimziAcls() {
    }

    static List<AclRule> rules(List<AclBinding> bindings) {
        Map<ResourcePattern, List<AclOperation>> operations = new LinkedHashMap<>();
        for (AclBinding binding : bindings) {
            if (binding.entry().permissionType() != AclPermissionType.ALLOW || !"*".equals(binding.entry().host())) {
                throw new IllegalArgumentException("Only ALLOW rules for any host are written: " + binding);
            }
            operations.computeIfAbsent(binding.pattern(), p -> new ArrayList<>())
                    .add(operation(binding.entry().operation()));
        }
        List<AclRule> rules = new ArrayList<>();
        operations.forEach((pattern, ops) -> rules.add(new AclRuleBuilder()
                .withType(AclRuleType.ALLOW)
                .withResource(resource(pattern))
                .withHost("*")
                .withOperations(ops)
                .build()));
        return rules;
    }

    /** Kafka's {@code CLUSTER_ACTION} is Strimzi's {@code CLUSTERACTION} (serialised {@code ClusterAction}). */
    private static AclOperation operation(org.apache.kafka.common.acl.AclOperation operation) {
        return AclOperation.valueOf(operation.name().replace("_", ""));
    }

    private static AclRuleResource resource(ResourcePattern pattern) {
        return switch (pattern.resourceType()) {
            case TOPIC -> {
                AclRuleTopicResource topic = new AclRuleTopicResource();
                topic.setName(pattern.name());
                topic.setPatternType(patternType(pattern.patternType()));
                yield topic;
            }
            case GROUP -> {
                AclRuleGroupResource group = new AclRuleGroupResource();
                group.setName(pattern.name());
                group.setPatternType(patternType(pattern.patternType()));
                yield group;
            }
            case CLUSTER -> new AclRuleClusterResource();
            default -> throw new IllegalArgumentException("No Strimzi ACL resource for " + pattern);
        };
    }

    private static AclResourcePatternType patternType(PatternType type) {
        return switch (type) {
            case LITERAL -> AclResourcePatternType.LITERAL;
            case PREFIXED -> AclResourcePatternType.PREFIX;
            default -> throw new IllegalArgumentException("No Strimzi pattern type for " + type.name().toLowerCase(Locale.ROOT));
        };
    }
}
