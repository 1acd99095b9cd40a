package org.poahub.agent.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poahub.agent.store.SendingState.Awaiting;

class ListeningPolicyTest {

    static final Instant T0 = Instant.parse("2020-03-31T12:00:00Z");
    static final Awaiting NOTHING = new Awaiting(0, Instant.EPOCH);

    ListeningPolicy policy = new ListeningPolicy(Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void theFirstCheckIsDueAtStartThenTheNextOnlyAfterTheInterval() {
        assertThat(policy.shouldConnect(NOTHING, T0)).isTrue();
        policy.disconnected(T0);
        assertThat(policy.shouldConnect(NOTHING, T0.plusSeconds(60))).isFalse();
        assertThat(policy.shouldConnect(NOTHING, T0.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(policy.shouldConnect(NOTHING, T0.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void idleWithNothingAwaitedItDisconnectsOnceCaughtUp() {
        assertThat(policy.shouldStayConnected(NOTHING, false, T0)).isTrue();
        assertThat(policy.shouldStayConnected(NOTHING, true, T0)).isFalse();
    }

    @Test
    void reportsJustSentMakeItConnectAndStayUntilTheirOutcomesArrive() {
        policy.disconnected(T0);
        Awaiting sent = new Awaiting(1_000, T0.plusSeconds(30));
        assertThat(policy.shouldConnect(sent, T0.plusSeconds(32))).isTrue();
        assertThat(policy.shouldStayConnected(sent, true, T0.plusSeconds(40))).isTrue();
        assertThat(policy.shouldStayConnected(NOTHING, true, T0.plusSeconds(41))).isFalse();
    }

    @Test
    void reportsLongWithoutAnOutcomeAreLeftToTheSlowCheck() {
        policy.disconnected(T0);
        Awaiting stale = new Awaiting(3, T0.minus(Duration.ofHours(2)));
        assertThat(policy.awaiting(stale, T0.plusSeconds(1))).isFalse();
        assertThat(policy.shouldConnect(stale, T0.plusSeconds(1))).isFalse();
        assertThat(policy.shouldStayConnected(stale, true, T0.plusSeconds(1))).isFalse();
        assertThat(policy.shouldConnect(stale, T0.plus(Duration.ofMinutes(15)))).isTrue();
    }

    @Test
    void aReceiptKeepsItListeningWhileMoreAreAwaited() {
        Awaiting old = new Awaiting(500, T0.minus(Duration.ofMinutes(20)));
        assertThat(policy.awaiting(old, T0)).isFalse();
        policy.received(T0);
        assertThat(policy.awaiting(old, T0.plus(Duration.ofMinutes(10)))).isTrue();
        assertThat(policy.awaiting(old, T0.plus(Duration.ofMinutes(15)))).isFalse();
    }
}
