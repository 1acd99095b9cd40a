package org.poahub.hub.finance.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.poahub.hub.finance.reconciliation.VoucherReconciler.Finding;
import org.poahub.hub.finance.reconciliation.VoucherReconciler.Result;
import org.poahub.hub.finance.reconciliation.VoucherReconciler.SigepVoucher;

/** Each voucher case with figures checked by hand (the SENAVEX 2020 sample listing's vouchers). */
class VoucherReconcilerTest {

    private static final LocalDate MARCH_15 = LocalDate.of(2020, 3, 15);
    private static final BigDecimal NONE = new BigDecimal("0.00");

    private static final Instant ARRIVED = Instant.parse("2020-03-16T14:00:00Z");

    private final VoucherReconciler reconciler = new VoucherReconciler(new BigDecimal("0.00"));
    private int line;
    private long arrivals;

    @Test
    void theSameNumberWrittenDifferentlyWithTheSameAmountAndDateIsConciliado() {
        Result r = only(reconciler.reconcile(List.of(sigep("C-31 Nº 0000120", "12300.00", NONE)),
                List.of(claim("BO-L", "c31 n° 120", MARCH_15, "12300.00"))));

        assertThat(r.finding()).isEqualTo(Finding.CONCILIADO);
        assertThat(r.number()).isEqualTo("120");
    }

    @Test
    void aVouchersNetIsItsAmountLessItsReversalsWithTheScaleOfTheSum() {
        SigepVoucher whole = new SigepVoucher(1, "120", MARCH_15, new BigDecimal("12300.00"), NONE, null);
        SigepVoucher wholeInBolivianos = new SigepVoucher(2, "121", MARCH_15, new BigDecimal("12300"), NONE, null);
        SigepVoucher partlyReversed = new SigepVoucher(3, "122", MARCH_15, new BigDecimal("12300.00"),
                new BigDecimal("-2000.5"), null);

        assertThat(whole.net()).isSameAs(whole.amount());
        assertThat(wholeInBolivianos.net()).hasToString("12300.00");
        assertThat(partlyReversed.net()).hasToString("10299.50");
    }

    @Test
    void aVoucherNoRegionReportedIsSoloEnSigep() {
        Result r = only(reconciler.reconcile(List.of(sigep("135", "2500.00", NONE)), List.of()));

        assertThat(r.finding()).isEqualTo(Finding.SOLO_EN_SIGEP);
        assertThat(r.sigepAmount()).isEqualByComparingTo("2500.00");
    }

    @Test
    void aRegionalVoucherMissingFromTheListingIsSoloEnRegionales() {
        Result r = only(reconciler.reconcile(List.of(), List.of(claim("BO-S", "C-31 Nº 77", MARCH_15, "800.00"))));

        assertThat(r.finding()).isEqualTo(Finding.SOLO_EN_REGIONALES);
        assertThat(r.region()).isEqualTo("BO-S");
        assertThat(r.regionalAmount()).isEqualByComparingTo("800.00");
    }

    @Test
    void anAmountOffByTenBolivianosIsDiferenciaImporte() {
        Result r = only(reconciler.reconcile(List.of(sigep("121", "9040.00", NONE)),
                List.of(claim("BO-C", "121", MARCH_15, "9030.00"))));

        assertThat(r.finding()).isEqualTo(Finding.DIFERENCIA_IMPORTE);
        assertThat(r.detail()).isEqualTo("SIGEP Bs 9040.00, regional Bs 9030.00 (diferencia Bs 10.00)");
    }

    @Test
    void aPartialReversalInSigepMakesTheNetAmountDifferFromAFullRegionalClaim() {
        // 12,300.00 - 2,000.00 (reversal 140, PARCIAL) = 10,300.00 against 12,300.00 reported
        Result r = only(reconciler.reconcile(List.of(sigep("120", "12300.00", new BigDecimal("-2000.00"))),
                List.of(claim("BO-L", "120", MARCH_15, "12300.00"))));

        assertThat(r.finding()).isEqualTo(Finding.DIFERENCIA_IMPORTE);
        assertThat(r.sigepAmount()).isEqualByComparingTo("10300.00");
    }

    @Test
    void anotherDateIsDiferenciaFecha() {
        Result r = only(reconciler.reconcile(List.of(sigep("120", "12300.00", NONE)),
                List.of(claim("BO-L", "120", MARCH_15.plusDays(3), "12300.00"))));

        assertThat(r.finding()).isEqualTo(Finding.DIFERENCIA_FECHA);
        assertThat(r.detail()).isEqualTo("SIGEP 2020-03-15, regional 2020-03-18");
    }

    @Test
    void oneVoucherClaimedByTwoRegionsIsFlaggedOnBothClaims() {
        List<Result> results = reconciler.reconcile(List.of(sigep("121", "9040.00", NONE)),
                List.of(claim("BO-C", "121", MARCH_15, "9040.00"), claim("BO-L", "0121", MARCH_15, "9040.00")));

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.finding()).isEqualTo(Finding.RECLAMADO_DOS_VECES));
        assertThat(results).extracting(Result::region).containsExactly("BO-C", "BO-L");
        // each region reads its own row: the other region is named, its reports are not
        assertThat(results).extracting(Result::detail).containsOnly(
                "el comprobante 121 lo reclaman 2 reportes de 2 regionales: BO-C, BO-L");
    }

    @Test
    void aClaimWhoseNumberNormalisesToNothingNamesNoVoucher() {
        List<Result> results = reconciler.reconcile(List.of(sigep("121", "9040.00", NONE)),
                List.of(claim("BO-C", "C-31 Nº", MARCH_15, "9040.00"), claim("BO-C", "121", MARCH_15, "9040.00")));

        assertThat(results).extracting(Result::finding).containsExactly(Finding.CONCILIADO);
    }

    @Test
    void oneVoucherClaimedByTwoReportsOfOneRegionBeyondItsAmountIsFlagged() {
        List<Result> results = reconciler.reconcile(List.of(sigep("121", "9040.00", NONE)),
                List.of(claim("BO-C", "121", MARCH_15, "9040.00"), claim("BO-C", "121", MARCH_15, "9040.00")));

        assertThat(results).extracting(Result::finding).containsOnly(Finding.RECLAMADO_DOS_VECES);
    }

    @Test
    void aReportReversedAndReportedAgainIsNotADoubleClaim() {
        Result r = only(reconciler.reconcile(List.of(sigep("121", "9040.00", NONE)),
                List.of(claim("BO-C", "121", MARCH_15, "9400.00"), claim("BO-C", "121", MARCH_15, "-9400.00"),
                        claim("BO-C", "121", MARCH_15, "9040.00"))));

        assertThat(r.finding()).isEqualTo(Finding.CONCILIADO);
    }

    @Test
    void aVoucherReversedInFullInSigepButKeptByTheRegionIsRevertidoSoloEnSigep() {
        Result r = only(reconciler.reconcile(List.of(sigep("135", "2500.00", new BigDecimal("-2500.00"))),
                List.of(claim("BO-L", "135", MARCH_15, "2500.00"))));

        assertThat(r.finding()).isEqualTo(Finding.REVERTIDO_SOLO_EN_SIGEP);
        assertThat(r.sigepAmount()).isEqualByComparingTo("0.00");
        assertThat(r.regionalAmount()).isEqualByComparingTo("2500.00");
    }

    @Test
    void aVoucherReversedInFullOnBothSidesOrOnlyInSigepWithoutClaimsIsNoFinding() {
        assertThat(reconciler.reconcile(List.of(sigep("135", "2500.00", new BigDecimal("-2500.00"))), List.of()))
                .isEmpty();
        assertThat(reconciler.reconcile(List.of(sigep("135", "2500.00", new BigDecimal("-2500.00"))),
                List.of(claim("BO-L", "135", MARCH_15, "2500.00"), claim("BO-L", "135", MARCH_15, "-2500.00"))))
                .extracting(Result::finding).containsExactly(Finding.CONCILIADO);
    }

    @Test
    void aConciliadoVoucherWithOneClaimAndNoReversalIsAFunctionOfItsListingLineAndItsClaimAlone() {
        SigepVoucher voucher = sigep("C-31 Nº 0000150", "36160.00", NONE);
        RegionalClaim claim = claim("BO-C", "150", MARCH_15, "36160.00");

        Result r = only(reconciler.reconcile(List.of(voucher), List.of(claim)));

        assertThat(r.voucherLine()).isEqualTo(voucher.lineNo());
        // as a stored run reads it back (V28): the listing line with no reversal, the claim's report
        SigepVoucher readBack = new SigepVoucher(voucher.lineNo(), voucher.number(), voucher.date(), voucher.amount(),
                BigDecimal.ZERO, null);
        assertThat(VoucherReconciler.reconciledAlone(readBack, claim)).isEqualTo(r);
        assertThat(r.sigepAmount()).isEqualTo(new BigDecimal("36160.00"));
        assertThat(r.regionalAmount()).isEqualTo(new BigDecimal("36160.00"));
    }

    @Test
    void aConciliadoVoucherNetOfAReversalOrOverSeveralClaimsIsNotKeptAsItsKeys() {
        Result reversed = only(reconciler.reconcile(List.of(sigep("120", "12300.00", new BigDecimal("-2000.00"))),
                List.of(claim("BO-L", "120", MARCH_15, "10300.00"))));
        Result twoClaims = only(reconciler.reconcile(List.of(sigep("121", "9040.00", NONE)),
                List.of(claim("BO-L", "121", MARCH_15, "9040.00"), claim("BO-L", "121", MARCH_15, "-1000.00"),
                        claim("BO-L", "121", MARCH_15, "1000.00"))));

        assertThat(List.of(reversed, twoClaims)).extracting(Result::finding)
                .containsExactly(Finding.CONCILIADO, Finding.CONCILIADO);
        assertThat(List.of(reversed, twoClaims)).extracting(Result::voucherLine).containsOnlyNulls();
        assertThat(reversed.sigepAmount()).isEqualTo(new BigDecimal("10300.00"));
        assertThat(twoClaims.regionalAmount()).isEqualTo(new BigDecimal("9040.00"));
    }

    @Test
    void aVouchersClaimsAreTakenInArrivalOrderWhateverTheirOrderInTheList() {
        // 121: 9,400 claimed first, reversed, then 9,040 claimed: the findings name the first claim to arrive
        List<SigepVoucher> listing = List.of(sigep("121", "9040.00", NONE), sigep("135", "2500.00", NONE));
        List<RegionalClaim> arrived = List.of(claim("BO-C", "121", MARCH_15.plusDays(1), "9400.00"),
                claim("BO-L", "135", MARCH_15, "2500.00"), claim("BO-C", "121", MARCH_15, "-9400.00"),
                claim("BO-S", "999", MARCH_15, "10.00"), claim("BO-C", "0121", MARCH_15, "9040.00"),
                claim("BO-L", "999", MARCH_15, "20.00"));
        List<RegionalClaim> reversed = new ArrayList<>(arrived);
        Collections.reverse(reversed);

        List<Result> inOrder = reconciler.reconcile(listing, arrived);

        assertThat(inOrder).extracting(r -> r.number() + ":" + r.finding() + ":" + r.messageId()).containsExactly(
                "121:DIFERENCIA_FECHA:" + arrived.get(0).messageId(), "135:CONCILIADO:" + arrived.get(1).messageId(),
                "999:SOLO_EN_REGIONALES:" + arrived.get(3).messageId(),
                "999:SOLO_EN_REGIONALES:" + arrived.get(5).messageId());
        assertThat(reconciler.reconcile(listing, reversed)).isEqualTo(inOrder);
    }

    @Test
    void claimsThatArrivedTogetherAreOrderedByIdAsUnsignedBytes() {
        RegionalClaim high = new RegionalClaim(UUID.fromString("80000000-0000-0000-0000-000000000000"), "BO-L", "1",
                MARCH_15, BigDecimal.ONE, ARRIVED);
        RegionalClaim low = new RegionalClaim(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"), "BO-L", "1",
                MARCH_15, BigDecimal.ONE, ARRIVED);
        RegionalClaim later = new RegionalClaim(UUID.fromString("00000000-0000-0000-0000-000000000001"), "BO-L", "1",
                MARCH_15, BigDecimal.ONE, ARRIVED.plusNanos(1_000));

        List<RegionalClaim> claims = new ArrayList<>(List.of(later, high, low));
        claims.sort(VoucherReconciler.ARRIVAL);

        assertThat(claims).containsExactly(low, high, later);
    }

    @Test
    void sortsOnEveryCoreInTheOrderOfOneSort() {
        Random random = new Random(2020);
        for (int size : new int[] {0, 1, 8_191, 8_192, 100_003}) {
            String[] numbers = new String[size];
            for (int i = 0; i < size; i++) {
                numbers[i] = Integer.toString(random.nextInt(size / 2 + 1)); // repeats, as a voucher claimed twice
            }
            String[] expected = numbers.clone();
            Arrays.sort(expected);

            VoucherReconciler.sortOnEveryCore(numbers, Comparator.naturalOrder());

            assertThat(numbers).as("%d numbers", size).containsExactly(expected);
        }
    }

    private static Result only(List<Result> results) {
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private SigepVoucher sigep(String number, String amount, BigDecimal reversed) {
        return new SigepVoucher(++line, number, MARCH_15, new BigDecimal(amount), reversed, "BO-L");
    }

    /** A claim that arrived after the ones made before it. */
    private RegionalClaim claim(String region, String number, LocalDate spentOn, String amount) {
        return new RegionalClaim(UUID.randomUUID(), region, number, spentOn, new BigDecimal(amount),
                ARRIVED.plusSeconds(++arrivals));
    }
}
