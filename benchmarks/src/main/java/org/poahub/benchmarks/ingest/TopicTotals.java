package org.poahub.benchmarks.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Records on a set of topics, and how many of them a consumer group has committed. */
final class TopicTotals {

    private final Admin admin;
    private final Collection<String> topics;

    TopicTotals(Admin admin, Collection<String> topics) {
        this.admin = admin;
        this.topics = topics;
    }

    /** Records on the topics now (sum of end offsets; the topics are never truncated here). */
    long endTotal() {
        return endOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    long committedTotal(String groupId) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            return committed.entrySet().stream().filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of group " + groupId, e);
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> described = admin.describeTopics(topics)
                    .allTopicNames().get();
            Map<TopicPartition, OffsetSpec> request = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
            return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topics, e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
