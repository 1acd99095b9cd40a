package org.poahub.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestBenchmarkOptionsTest {

    @Test
    void defaultsAreTheIssuesMillionReportsAndAThousandPerSecond() {
        IngestBenchmarkOptions options = IngestBenchmarkOptions.parse();
        assertThat(options.reports()).isEqualTo(1_000_000);
        assertThat(options.loadRate()).isEqualTo(1_000);
        assertThat(options.latencyPhase()).isTrue();
        assertThat(options.agentsPerRegion(9)).as("about 3,000 reports per agent").isEqualTo(38);
    }

    @Test
    void flagsOverrideTheDefaults() {
        IngestBenchmarkOptions options = IngestBenchmarkOptions.parse("--reports", "200_000", "--load-rate", "50",
                "--load-seconds", "0", "--partitions", "6", "--invalid-percent", "2.5", "--seed", "9",
                "--warmup-seconds", "0");
        assertThat(options).isEqualTo(new IngestBenchmarkOptions(200_000, 6, 3_000, 2.5, 50, 0, 0, 9));
        assertThat(options.latencyPhase()).isFalse();
        assertThat(options.agentsPerRegion(9)).isEqualTo(8);
    }

    @Test
    void badInputSaysWhichFlagAndWhy() {
        assertThatThrownBy(() -> IngestBenchmarkOptions.parse("--reports")).hasMessageStartingWith("--reports needs a value");
        assertThatThrownBy(() -> IngestBenchmarkOptions.parse("--reports", "many"))
                .hasMessage("--reports expects a number, got 'many'");
        assertThatThrownBy(() -> IngestBenchmarkOptions.parse("--reports", "0")).hasMessage("--reports must be positive");
        assertThatThrownBy(() -> IngestBenchmarkOptions.parse("--fast", "1")).hasMessageStartingWith("Unknown option --fast");
    }
}
