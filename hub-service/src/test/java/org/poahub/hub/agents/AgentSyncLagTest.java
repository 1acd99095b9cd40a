package org.poahub.hub.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentSyncLagTest {

    private static final Instant NOW = Instant.parse("2020-04-01T12:00:00Z");

    @Test
    void lagIsTheTimeSinceTheLastReceiptAndThatReportsDelayFromReportedAtToReceivedAt() {
        var last = new AgentSyncStatus.LastReport(UUID.randomUUID(), Instant.parse("2020-04-01T09:00:00Z"),
                Instant.parse("2020-04-01T11:59:30.500Z"));

        AgentSyncStatus.Lag lag = AgentSyncStatus.Lag.of(last, NOW);

        assertThat(lag.sinceLastReceivedSeconds()).isEqualTo(29.5);
        assertThat(lag.lastReportDelaySeconds()).isEqualTo(10_770.5);
    }

    @Test
    void anAgentClockAheadOfTheHubGivesNoDelayRatherThanANegativeOne() {
        var last = new AgentSyncStatus.LastReport(UUID.randomUUID(), Instant.parse("2020-04-01T12:05:00Z"),
                Instant.parse("2020-04-01T12:00:00Z"));

        AgentSyncStatus.Lag lag = AgentSyncStatus.Lag.of(last, NOW);

        assertThat(lag.lastReportDelaySeconds()).isZero();
        assertThat(lag.sinceLastReceivedSeconds()).isZero();
    }
}
