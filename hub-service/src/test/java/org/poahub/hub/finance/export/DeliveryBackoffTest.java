package org.poahub.hub.finance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryBackoffTest {

    private static final Instant T0 = Instant.parse("2020-07-01T12:00:00Z");
    private final DeliveryBackoff backoff = new DeliveryBackoff(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Test
    void anExportIsDueAtOnceUntilItFails() {
        assertThat(backoff.due(1, T0)).isTrue();
        assertThat(backoff.nextAttempt()).isEmpty();
    }

    @Test
    void eachFailureDoublesTheWaitUpToTheMaximum() {
        assertThat(backoff.failed(1, T0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.due(1, T0.plusSeconds(4))).isFalse();
        assertThat(backoff.due(1, T0.plusSeconds(5))).isTrue();
        assertThat(backoff.failed(1, T0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.failed(1, T0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.failed(1, T0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.failed(1, T0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.nextAttempt()).contains(T0.plusSeconds(30));
        assertThat(backoff.failures(1)).isEqualTo(5);
    }

    @Test
    void aDeliveryForgetsTheFailuresAndEachExportHasItsOwnWait() {
        backoff.failed(1, T0);
        backoff.failed(1, T0);
        backoff.failed(2, T0.plusSeconds(1));
        assertThat(backoff.nextAttempt()).contains(T0.plusSeconds(6));

        backoff.delivered(2);
        backoff.delivered(1);

        assertThat(backoff.due(1, T0)).isTrue();
        assertThat(backoff.failures(1)).isZero();
        assertThat(backoff.failed(1, T0)).isEqualTo(Duration.ofSeconds(5));
    }
}
