package org.poahub.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.poahub.contract.Topics;
import org.poahub.plan.RegionCatalogue;

/**
 * The topics a production cluster holds, with their partitions and retention: one place that decides them for the
 * Strimzi {@code KafkaTopic} resources ({@link StrimziManifests}). The names come from {@link Topics} and the region
 * catalogue, as the hub derives them when it creates missing topics.
 */
public final class KafkaTopicPlan {

    /** Partitions of every regional topic; the hub's {@code poa.ingest.topic-partitions} default. */
    public static final int PARTITIONS = 3;
    /** Three brokers, two in sync: a write survives one broker down. */
    public static final int REPLICAS = 3;
    public static final int MIN_IN_SYNC_REPLICAS = 2;
    /** Reports wait here while the hub is down; every agent also keeps them in its outbox until acknowledged. */
    public static final Duration REPORT_RETENTION = Duration.ofDays(14);
    /** An office offline for a season still finds its outcomes (acuses) when it comes back. */
    public static final Duration OUTCOME_RETENTION = Duration.ofDays(90);
    /** Dead letters stay until someone has looked at them (the hub also keeps them in {@code rejected_report}). */
    public static final Duration DLQ_RETENTION = Duration.ofDays(90);

    /** One topic and its Kafka topic configuration. */
    public record PlannedTopic(String name, int partitions, Map<String, String> config) {
    }

    private KafkaTopicPlan() {
    }

    /** Every topic, regional ones in region-code order, then the plan, the dead letters and the finance execution. */
    public static List<PlannedTopic> topics(RegionCatalogue regions) {
        List<PlannedTopic> topics = new ArrayList<>();
        regions.regions().stream().map(RegionCatalogue.Region::code).sorted().forEach(region -> {
            topics.add(deleting(Topics.progress(region), REPORT_RETENTION));
            topics.add(deleting(Topics.expenditure(region), REPORT_RETENTION));
            topics.add(deleting(Topics.outcomes(region), OUTCOME_RETENTION));
        });
        // One record per region, keyed by region code: compaction keeps the latest plan for every agent.
        topics.add(new PlannedTopic(Topics.PLAN, PARTITIONS, config("cleanup.policy", "compact")));
        topics.add(deleting(Topics.DLQ, DLQ_RETENTION));
        // One record per exported period, keyed by gestión/period: compaction keeps the latest export version.
        topics.add(new PlannedTopic(Topics.FINANCE_EXECUTION, PARTITIONS, config("cleanup.policy", "compact")));
        return List.copyOf(topics);
    }

    private static PlannedTopic deleting(String name, Duration retention) {
        return new PlannedTopic(name, PARTITIONS,
                config("cleanup.policy", "delete", "retention.ms", String.valueOf(retention.toMillis())));
    }

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> config = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        config.put("min.insync.replicas", String.valueOf(MIN_IN_SYNC_REPLICAS));
        return config;
    }
}
