package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poahub.hub.finance.reconciliation.LineReconciler.Result;
import org.poahub.hub.finance.reconciliation.LineReconciler.Status;

/** Each line status with figures checked by hand (SENAVEX 2020 budget lines, illustrative amounts). */
class LineReconcilerTest {

    private final LineReconciler exact = new LineReconciler(new BigDecimal("0.00"));

    @Test
    void equalFiguresAreConciliado() {
        Result<String> r = only(exact.reconcile(Map.of("11.04.02/25220", bs("98500.00")),
                Map.of("11.04.02/25220", bs("98500.00"))));

        assertThat(r.status()).isEqualTo(Status.CONCILIADO);
        assertThat(r.difference()).isEqualByComparingTo("0.00");
        assertThat(r.differencePercent()).isEqualByComparingTo("0.00");
    }

    @Test
    void devengadoWithoutRegionalExpenditureIsSoloEnSigep() {
        Result<String> r = only(exact.reconcile(Map.of("11.05.02/11700", bs("987800.00")), Map.of()));

        assertThat(r.status()).isEqualTo(Status.SOLO_EN_SIGEP);
        assertThat(r.regional()).isEqualByComparingTo("0.00");
        assertThat(r.difference()).isEqualByComparingTo("987800.00");
        assertThat(r.differencePercent()).isEqualByComparingTo("100.00");
    }

    @Test
    void regionalExpenditureWithoutDevengadoIsSoloEnRegionales() {
        Result<String> r = only(exact.reconcile(Map.of(), Map.of("04.01.02/26990", bs("2500.00"))));

        assertThat(r.status()).isEqualTo(Status.SOLO_EN_REGIONALES);
        assertThat(r.difference()).isEqualByComparingTo("-2500.00");
        assertThat(r.differencePercent()).as("no percentage of a zero SIGEP figure").isNull();
    }

    @Test
    void tenBolivianosOffIsADiferenciaWithItsPercentage() {
        // 45,200.00 - 45,190.00 = 10.00; 10.00 / 45,200.00 = 0.0221... -> 0.02 %
        Result<String> r = only(exact.reconcile(Map.of("11.04.02/25220/BO-C", bs("45200.00")),
                Map.of("11.04.02/25220/BO-C", bs("45190.00"))));

        assertThat(r.status()).isEqualTo(Status.DIFERENCIA);
        assertThat(r.difference()).isEqualByComparingTo("10.00");
        assertThat(r.differencePercent()).isEqualByComparingTo("0.02");
    }

    @Test
    void aDifferenceWithinTheToleranceIsConciliadoAndOneCentavoMoreIsNot() {
        LineReconciler tenBolivianos = new LineReconciler(new BigDecimal("10.00"));

        assertThat(only(tenBolivianos.reconcile(Map.of("k", bs("1000.00")), Map.of("k", bs("990.00")))).status())
                .isEqualTo(Status.CONCILIADO);
        // 1,000.00 - 989.99 = 10.01 > 10.00; 10.01 / 1,000.00 = 1.001 % -> 1.00 %
        Result<String> r = only(tenBolivianos.reconcile(Map.of("k", bs("1000.00")), Map.of("k", bs("989.99"))));
        assertThat(r.status()).isEqualTo(Status.DIFERENCIA);
        assertThat(r.differencePercent()).isEqualByComparingTo("1.00");
    }

    @Test
    void everyKeyOfEitherSideGetsOneLineAndTheTotalsAddUp() {
        List<Result<String>> results = exact.reconcile(
                Map.of("a", bs("100.00"), "b", bs("50.00"), "c", bs("30.00")),
                Map.of("a", bs("100.00"), "b", bs("40.00"), "d", bs("5.00")));

        assertThat(results).extracting(Result::key).containsExactly("a", "b", "c", "d");
        assertThat(results).extracting(Result::status).containsExactly(Status.CONCILIADO, Status.DIFERENCIA,
                Status.SOLO_EN_SIGEP, Status.SOLO_EN_REGIONALES);
        // SIGEP 180.00 - regions 145.00 = 35.00 = 0 + 10 + 30 - 5
        assertThat(results.stream().map(Result::difference).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("35.00");
    }

    private static <K> Result<K> only(List<Result<K>> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static BigDecimal bs(String amount) {
        return new BigDecimal(amount);
    }
}
