package org.poahub.hub.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.poahub.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The {@code poa.ingest.consumer.lag} gauge (one per regional report topic), computed with the hub's Admin client:
 * end offsets − the consumer group's committed offsets. Refreshed on a schedule rather than at each scrape, so a slow
 * broker never blocks {@code /actuator/prometheus}.
 */
public class ConsumerLagMonitor {

    static final String LAG = "poa.ingest.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMonitor.class);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final String groupId;
    private final MultiGauge gauge;
    private volatile boolean lastFailed;

    public ConsumerLagMonitor(Admin admin, String groupId, MeterRegistry registry) {
        this.admin = admin;
        this.groupId = groupId;
        this.gauge = MultiGauge.builder(LAG).baseUnit("records")
                .description("Records on the regional report topics not yet committed by the hub's consumer group")
                .tag("group", groupId).register(registry);
    }

    @Scheduled(initialDelayString = "${poa.metrics.lag-refresh:15s}", fixedDelayString = "${poa.metrics.lag-refresh:15s}")
    public void refresh() {
        try {
            Map<String, Long> lag = measure();
            gauge.register(lag.entrySet().stream()
                    .map(e -> MultiGauge.Row.of(Tags.of("topic", e.getKey()), e.getValue())).toList(), true);
            lastFailed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The Kafka health indicator reports the broker; log once per outage rather than every refresh.
            if (!lastFailed) {
                log.warn("Cannot measure the consumer lag of group {}: {}", groupId, e.toString());
            }
            lastFailed = true;
        }
    }

    Map<String, Long> measure() throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(t -> Topics.REPORT_TOPICS.matcher(t).matches()).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                .flatMap((TopicDescription d) -> d.partitions().stream()
                        .map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        Map<TopicPartition, Long> committed = new HashMap<>();
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        committed.put(partition, offset.offset());
                    }
                });
        return ConsumerLag.byTopic(offsets(partitions, OffsetSpec.latest()), committed,
                offsets(partitions.stream().filter(p -> !committed.containsKey(p)).toList(), OffsetSpec.earliest()));
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
                admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
