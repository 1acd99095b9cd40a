package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Adjustment;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Line;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Run;
import org.poahub.hub.finance.reconciliation.ReconciliationSummary.StatusTotal;

/** Totals per status add up, and the total difference is SIGEP's total minus the regions'. */
class ReconciliationSummaryTest {

    static final Run RUN = new Run(7, 2020, LocalDate.of(2020, 6, 30), 1L, 2L, 3L, new BigDecimal("0.00"),
            Instant.parse("2020-07-01T12:00:00Z"), 12, Instant.parse("2020-07-01T12:05:00Z"), "prueba");

    @Test
    void statusTotalsAddUpToTheTotalLine() {
        List<Line> lines = List.of(line("BO-L", "1194361.25", "1194361.25", "CONCILIADO"),
                line("BO-L", "98500.00", "92500.00", "DIFERENCIA"),
                line("BO-L", "987800.00", "0.00", "SOLO_EN_SIGEP"),
                line("BO-S", "0.00", "5000.00", "SOLO_EN_REGIONALES"));

        ReconciliationSummary s = ReconciliationSummary.of(RUN, null, null, null, lines,
                List.of(new Adjustment(13, "1", "1", "12", new BigDecimal("0.50"))),
                List.of(finding("SOLO_EN_SIGEP", "600000.00", null), finding("DIFERENCIA_IMPORTE", "10300.00",
                        "12300.00")));

        assertThat(s.lines()).extracting(StatusTotal::status)
                .containsExactly("CONCILIADO", "SOLO_EN_SIGEP", "SOLO_EN_REGIONALES", "DIFERENCIA");
        assertThat(s.linesTotal().count()).isEqualTo(4);
        assertThat(s.linesTotal().sigep()).isEqualByComparingTo("2280661.25");
        assertThat(s.linesTotal().regional()).isEqualByComparingTo("1291861.25");
        assertThat(s.linesTotal().difference()).isEqualByComparingTo("988800.00")
                .isEqualByComparingTo(s.linesTotal().sigep().subtract(s.linesTotal().regional()));
        assertThat(s.lines().stream().map(StatusTotal::difference).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(s.linesTotal().difference());
        assertThat(s.sigepAdjustmentsTotal()).isEqualByComparingTo("0.50");
        assertThat(s.findingsTotal()).isEqualTo(2);
        assertThat(s.vouchers()).filteredOn(v -> v.finding().equals("DIFERENCIA_IMPORTE")).singleElement()
                .satisfies(v -> assertThat(v.regional()).isEqualByComparingTo("12300.00"));
    }

    @Test
    void aRegionalViewHasNoNationalAdjustments() {
        ReconciliationSummary s = ReconciliationSummary.of(RUN, null, null, "BO-C", List.of(),
                List.of(new Adjustment(13, "1", "1", "12", new BigDecimal("0.50"))), List.of());

        assertThat(s.region()).isEqualTo("BO-C");
        assertThat(s.sigepAdjustments()).isEmpty();
        assertThat(s.sigepAdjustmentsTotal()).isEqualByComparingTo("0.00");
        assertThat(s.linesTotal().difference()).isEqualByComparingTo("0.00");
    }

    private static Line line(String region, String sigep, String regional, String status) {
        BigDecimal s = new BigDecimal(sigep);
        BigDecimal r = new BigDecimal(regional);
        return new Line("11-0000-004", "", List.of("11.04.01"), "11700", "Columna 1", region, "11", "0000", "004",
                "20", "230", s, r, s.subtract(r), null, status);
    }

    private static Finding finding(String finding, String sigep, String regional) {
        return new Finding(1, finding, "120", "BO-L", null, sigep == null ? null : new BigDecimal(sigep),
                regional == null ? null : new BigDecimal(regional), null, null, "");
    }
}
