package org.poahub.hub.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.hub.review.RegionFigures.OperationLine;

class RegionFiguresTest {

    private static final LocalDate END = LocalDate.of(2020, 3, 31);

    private static OperationLine line(String code, String value, String spent) {
        return new OperationLine(code, "Operación " + code, value == null ? null : new BigDecimal(value),
                null, END, 1, new BigDecimal(spent));
    }

    private static RegionFigures figures(String spent, OperationLine... lines) {
        return new RegionFigures(1, END, "BO-L", List.of(lines), new BigDecimal(spent), List.of());
    }

    @Test
    void theDifferenceListsOnlyWhatChangedExactly() {
        RegionFigures approved = figures("120000.00", line("11.04.02", "1", "120000.00"), line("11.04.03", null, "0"));
        RegionFigures current = figures("125000.00", line("11.04.02", "2.0000", "125000.00"),
                line("11.04.03", null, "0.00"));

        RegionFigures.Difference difference = current.since(approved);

        assertThat(difference.spent()).isEqualByComparingTo("5000.00");
        assertThat(difference.operations()).singleElement().satisfies(change -> {
            assertThat(change.code()).isEqualTo("11.04.02");
            assertThat(change.cumulativeValueBefore()).isEqualByComparingTo("1");
            assertThat(change.cumulativeValueNow()).isEqualByComparingTo("2");
            assertThat(change.spentNow()).isEqualByComparingTo("125000.00");
        });
    }

    @Test
    void sameFiguresWithOtherScalesAreNoDifference() {
        RegionFigures approved = figures("10.00", line("11.04.02", "1", "10.00"));

        assertThat(figures("10.0", line("11.04.02", "1.0000", "10")).since(approved).isEmpty()).isTrue();
    }

    @Test
    void anOperationOnOnlyOneSideIsAChange() {
        RegionFigures approved = figures("0", line("11.04.02", "1", "0"));
        RegionFigures current = figures("0", line("04.01.02", "3", "0"));

        assertThat(current.since(approved).operations()).extracting(RegionFigures.OperationChange::code)
                .containsExactly("04.01.02", "11.04.02");
    }
}
