package org.poahub.hub.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodGranularityTest {

    @Test
    void aYearHasTwelveMonthsFromTheFirstToTheLastDay() {
        assertThat(PeriodGranularity.MONTH.periods(2020)).hasSize(12).first()
                .isEqualTo(new ReviewPeriod(2020, "2020-01", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31)));
        assertThat(PeriodGranularity.MONTH.periods(2020).get(1).end()).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(PeriodGranularity.MONTH.of(LocalDate.of(2020, 12, 31)).key()).isEqualTo("2020-12");
    }

    @Test
    void aYearHasFourQuartersNamedT1ToT4() {
        assertThat(PeriodGranularity.QUARTER.periods(2020)).extracting(ReviewPeriod::key)
                .containsExactly("2020-T1", "2020-T2", "2020-T3", "2020-T4");
        assertThat(PeriodGranularity.QUARTER.of(LocalDate.of(2020, 5, 17)))
                .isEqualTo(new ReviewPeriod(2020, "2020-T2", LocalDate.of(2020, 4, 1), LocalDate.of(2020, 6, 30)));
    }

    @Test
    void aKeyIsReadOnlyInItsOwnFormatAndYear() {
        assertThat(PeriodGranularity.MONTH.parse(2020, "2020-03")).map(ReviewPeriod::end)
                .hasValue(LocalDate.of(2020, 3, 31));
        assertThat(PeriodGranularity.QUARTER.parse(2020, "2020-T4")).map(ReviewPeriod::start)
                .hasValue(LocalDate.of(2020, 10, 1));
        assertThat(PeriodGranularity.MONTH.parse(2020, "2020-13")).isEmpty();
        assertThat(PeriodGranularity.MONTH.parse(2020, "2021-03")).as("another year").isEmpty();
        assertThat(PeriodGranularity.MONTH.parse(2020, "2020-T1")).as("a quarter while reviewing months").isEmpty();
        assertThat(PeriodGranularity.QUARTER.parse(2020, "2020-T5")).isEmpty();
        assertThat(PeriodGranularity.MONTH.parse(2020, null)).isEmpty();
    }
}
