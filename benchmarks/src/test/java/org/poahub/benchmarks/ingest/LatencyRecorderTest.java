package org.poahub.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void nearestRankPercentilesOfOneToAThousand() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long ms = 1000; ms >= 1; ms--) {
            recorder.record(ms);
        }
        assertThat(recorder.count()).isEqualTo(1000);
        assertThat(recorder.percentile(50)).isEqualTo(500);
        assertThat(recorder.percentile(99)).isEqualTo(990);
        assertThat(recorder.percentile(100)).isEqualTo(1000);
        assertThat(recorder.percentile(0.01)).isEqualTo(1);
    }

    @Test
    void aSingleValueIsEveryPercentileAndNoValueIsAnError() {
        LatencyRecorder recorder = new LatencyRecorder();
        assertThatThrownBy(() -> recorder.percentile(50)).isInstanceOf(IllegalStateException.class);
        recorder.record(42);
        assertThat(recorder.percentile(50)).isEqualTo(42);
        assertThat(recorder.percentile(99)).isEqualTo(42);
    }
}
