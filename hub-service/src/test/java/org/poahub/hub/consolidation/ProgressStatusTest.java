package org.poahub.hub.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProgressStatusTest {

    private static final ConsolidationProperties DEFAULTS = ConsolidationProperties.DEFAULTS;

    @Test
    void onTrackDownToMinusTenPointsIncluded() {
        assertThat(DEFAULTS.status(new BigDecimal("5.00"))).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(DEFAULTS.status(new BigDecimal("-10.00"))).isEqualTo(ProgressStatus.ON_TRACK);
    }

    @Test
    void atRiskBelowMinusTenDownToMinusTwentyFiveIncluded() {
        assertThat(DEFAULTS.status(new BigDecimal("-10.01"))).isEqualTo(ProgressStatus.AT_RISK);
        assertThat(DEFAULTS.status(new BigDecimal("-25.00"))).isEqualTo(ProgressStatus.AT_RISK);
    }

    @Test
    void behindBelowMinusTwentyFive() {
        assertThat(DEFAULTS.status(new BigDecimal("-25.01"))).isEqualTo(ProgressStatus.BEHIND);
    }

    @Test
    void labelsAreSpanish() {
        assertThat(ProgressStatus.ON_TRACK.label()).isEqualTo("Al día");
        assertThat(ProgressStatus.AT_RISK.label()).isEqualTo("En riesgo");
        assertThat(ProgressStatus.BEHIND.label()).isEqualTo("Retrasada");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new ConsolidationProperties(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at-risk-points <= behind-points");
    }
}
