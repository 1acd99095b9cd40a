package org.poahub.routes.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void aRouteNeedsATopicAndAConsumer() {
        assertThatThrownBy(() -> new IngestSettings(List.of(), "g", 500, 100, 100, 500, 30000, 1))
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> new IngestSettings(List.of("poa.bo-l.progress"), "g", 500, 100, 100, 500, 30000, 0))
                .hasMessageContaining("at least one consumer");
    }

    @Test
    void theConsumersOfEveryInstanceShareAllPartitionsNotOnlyThoseOfTheFirstInstances() {
        String uri = new IngestSettings(List.of("poa.bo-l.progress", "poa.bo-l.expenditure"), "poa-hub", 500, 100,
                50, 500, 30000, 3).consumerUri();

        assertThat(uri).startsWith("kafka:poa.bo-l.progress,poa.bo-l.expenditure?")
                .contains("consumersCount=3", "groupId=poa-hub", "allowManualCommit=true", "autoCommitEnable=false")
                .contains("partitionAssignor=org.apache.kafka.clients.consumer.RoundRobinAssignor");
    }

    @Test
    void aPartialBatchIsDispatchedOnceItIsOneBatchingIntervalOldNotWhenItFills() {
        String uri = new IngestSettings(List.of("poa.bo-l.progress"), "poa-hub", 500, 100, 50, 500, 30000, 3)
                .consumerUri();

        assertThat(uri).contains("batching=true", "maxPollRecords=500", "pollTimeoutMs=100", "batchingIntervalMs=50");
        assertThatThrownBy(() -> new IngestSettings(List.of("poa.bo-l.progress"), "g", 500, 100, 0, 500, 30000, 3))
                .hasMessageContaining("batching interval");
    }
}
