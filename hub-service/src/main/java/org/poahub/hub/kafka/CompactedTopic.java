package org.poahub.hub.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a compacted topic the hub writes (the plan, the finance execution) when it does not exist: the brokers may
 * have auto-creation off. Partitions and replicas are the broker's defaults; production declares them in deploy
 * ({@code KafkaTopicPlan}).
 */
public final class CompactedTopic {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopic.class);

    private CompactedTopic() {
    }

    public static void ensure(Admin admin, String name) {
        NewTopic topic = new NewTopic(name, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            log.info("Created compacted topic {}", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating topic " + name, e);
        }
    }
}
