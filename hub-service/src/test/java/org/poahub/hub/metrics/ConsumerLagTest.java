package org.poahub.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final TopicPartition LP0 = new TopicPartition("poa.bo-l.progress", 0);
    private static final TopicPartition LP1 = new TopicPartition("poa.bo-l.progress", 1);
    private static final TopicPartition LE0 = new TopicPartition("poa.bo-l.expenditure", 0);

    @Test
    void lagIsEndMinusCommittedSummedPerTopic() {
        Map<String, Long> lag = ConsumerLag.byTopic(Map.of(LP0, 120L, LP1, 40L, LE0, 7L),
                Map.of(LP0, 100L, LP1, 40L, LE0, 7L), Map.of());

        assertThat(lag).containsExactlyInAnyOrderEntriesOf(Map.of("poa.bo-l.progress", 20L, "poa.bo-l.expenditure", 0L));
    }

    @Test
    void aPartitionTheGroupNeverCommittedCountsFromItsLogStart() {
        Map<String, Long> lag = ConsumerLag.byTopic(Map.of(LP0, 120L, LP1, 40L), Map.of(LP0, 120L), Map.of(LP1, 10L));

        assertThat(lag).containsEntry("poa.bo-l.progress", 30L);
    }

    @Test
    void aCommittedOffsetBeyondTheLogEndIsNoLag() {
        assertThat(ConsumerLag.byTopic(Map.of(LP0, 5L), Map.of(LP0, 50L), Map.of())).containsEntry("poa.bo-l.progress", 0L);
    }
}
