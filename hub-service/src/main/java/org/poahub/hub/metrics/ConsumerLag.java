package org.poahub.hub.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/** Consumer lag per topic: records between the group's committed offset and the end of each partition. */
final class ConsumerLag {

    private ConsumerLag() {
    }

    /**
     * @param endOffsets   the log end offset of every partition
     * @param committed    the group's committed offsets; a partition without one is read from its start
     * @param startOffsets the log start offset of every partition (for partitions without a committed offset)
     */
    static Map<String, Long> byTopic(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> committed,
                                     Map<TopicPartition, Long> startOffsets) {
        Map<String, Long> lag = new TreeMap<>();
        endOffsets.forEach((partition, end) -> {
            Long position = committed.get(partition);
            if (position == null) {
                position = startOffsets.getOrDefault(partition, 0L);
            }
            // A committed offset can be ahead of a truncated log (e.g. a recreated topic): that is no lag.
            lag.merge(partition.topic(), Math.max(0, end - position), Long::sum);
        });
        return lag;
    }
}
