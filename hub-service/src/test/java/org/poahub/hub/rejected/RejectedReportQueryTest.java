package org.poahub.hub.rejected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.poahub.plan.RegionCatalogue;

class RejectedReportQueryTest {

    private static final RegionCatalogue REGIONS = RegionCatalogue.loadDefault();

    @Test
    void noFiltersIsTheFirstPageOfEverything() {
        RejectedReportQuery query = RejectedReportQuery.parse(null, " ", null, "", null, null, REGIONS);

        assertThat(query).isEqualTo(new RejectedReportQuery(null, null, null, null, 0, RejectedReportQuery.DEFAULT_SIZE));
        assertThat(query.offset()).isZero();
    }

    @Test
    void datesAreWholeUtcDaysAndDateTimesAreExactBounds() {
        RejectedReportQuery days = RejectedReportQuery.parse("BO-L", "OPERATION_UNKNOWN", "2020-03-01", "2020-03-31",
                2, 20, REGIONS);

        assertThat(days.regionCode()).isEqualTo("BO-L");
        assertThat(days.code()).isEqualTo("OPERATION_UNKNOWN");
        assertThat(days.from()).isEqualTo(Instant.parse("2020-03-01T00:00:00Z"));
        assertThat(days.to()).isEqualTo(Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(days.offset()).isEqualTo(40);

        RejectedReportQuery exact = RejectedReportQuery.parse(null, null, "2020-03-01T08:00:00-04:00",
                "2020-03-01T13:30:00Z", null, null, REGIONS);
        assertThat(exact.from()).isEqualTo(Instant.parse("2020-03-01T12:00:00Z"));
        assertThat(exact.to()).isEqualTo(Instant.parse("2020-03-01T13:30:00Z"));
    }

    @Test
    void anUnknownRegionIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> RejectedReportQuery.parse("BO-X", null, null, null, null, null, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("region");
                    assertThat(e.getMessage()).isEqualTo(
                            "Región desconocida 'BO-X': use un código del catálogo de regiones, p. ej. BO-L.");
                });
    }

    @Test
    void badDatesCodesAndPagingAreRejectedNamingTheParameter() {
        assertThatThrownBy(() -> RejectedReportQuery.parse(null, null, "2020-02-30", null, null, null, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).startsWith("Fecha inválida en 'from': '2020-02-30'. Use AAAA-MM-DD");
                });
        assertThatThrownBy(() -> RejectedReportQuery.parse(null, null, null, "31/03/2020", null, null, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("to"));
        assertThatThrownBy(() -> RejectedReportQuery.parse(null, null, "2020-03-02", "2020-03-01", null, null, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("to");
                    assertThat(e.getMessage()).contains("El rango de fechas está vacío");
                });
        assertThatThrownBy(() -> RejectedReportQuery.parse(null, "drop table;", null, null, null, null, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("code"));
        assertThatThrownBy(() -> RejectedReportQuery.parse(null, null, null, null, -1, null, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
        assertThatThrownBy(() -> RejectedReportQuery.parse(null, null, null, null, null, 501, REGIONS))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
    }

    @Test
    void aSingleDayIsARangeOfOneDay() {
        RejectedReportQuery oneDay = RejectedReportQuery.parse(null, null, "2020-03-01", "2020-03-01", null, null, REGIONS);

        assertThat(oneDay.to()).isEqualTo(Instant.parse("2020-03-02T00:00:00Z"));
    }
}
