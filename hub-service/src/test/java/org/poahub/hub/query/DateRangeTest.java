package org.poahub.hub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void daysAreUtcFromTheStartOfFromToTheEndOfTo() {
        DateRange range = DateRange.parse("2020-03-01", " 2020-03-31 ");

        assertThat(range.from()).isEqualTo(Instant.parse("2020-03-01T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
    }

    @Test
    void aDateTimeWithOffsetIsAnExactBoundAndBlankIsUnbounded() {
        DateRange range = DateRange.parse("2020-03-31T08:00:00-04:00", "  ");

        assertThat(range.from()).isEqualTo(Instant.parse("2020-03-31T12:00:00Z"));
        assertThat(range.to()).isNull();
        assertThat(DateRange.parse(null, null)).isEqualTo(new DateRange(null, null));
    }

    @Test
    void anUnreadableDateNamesItsParameterInSpanish() {
        assertThatThrownBy(() -> DateRange.parse("2020-01-01", "2020-02-30"))
                .isInstanceOfSatisfying(DateRange.InvalidRange.class, e -> {
                    assertThat(e.parameter()).isEqualTo("to");
                    assertThat(e.getMessage()).startsWith("Fecha inválida en 'to': '2020-02-30'. Use AAAA-MM-DD");
                });
    }

    @Test
    void anEmptyRangeIsRefused() {
        assertThatThrownBy(() -> DateRange.parse("2020-03-02", "2020-03-01"))
                .isInstanceOfSatisfying(DateRange.InvalidRange.class, e -> {
                    assertThat(e.parameter()).isEqualTo("to");
                    assertThat(e.getMessage()).isEqualTo(
                            "El rango de fechas está vacío: 'to' (2020-03-01) debe ser posterior a 'from' (2020-03-02).");
                });
        // one day is not empty: to runs to the end of its day
        assertThat(DateRange.parse("2020-03-01", "2020-03-01").to()).isEqualTo(Instant.parse("2020-03-02T00:00:00Z"));
    }
}
