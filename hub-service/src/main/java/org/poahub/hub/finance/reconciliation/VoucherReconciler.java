package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.poahub.routes.finance.VoucherNumbers;

/**
 * Matches the financial system's C-31 vouchers with the vouchers the regions' expenditure reports name
 * ({@code documentNumber}), after the one normalisation ({@link VoucherNumbers}); docs/finance.md, "Vouchers".
 * Per number: only in SIGEP; only in the regions; claimed by two reports or two regions; reversed in full in SIGEP but
 * not in the regions; amount (net of reversals on each side) or date different; else reconciled.
 */
public final class VoucherReconciler {

    public enum Finding {
        CONCILIADO, SOLO_EN_SIGEP, SOLO_EN_REGIONALES, DIFERENCIA_IMPORTE, DIFERENCIA_FECHA, RECLAMADO_DOS_VECES,
        REVERTIDO_SOLO_EN_SIGEP
    }

    /** A SIGEP voucher (not a reversal) from line {@code lineNo} of its listing, with its reversals' sum (≤ 0). */
    public record SigepVoucher(int lineNo, String number, LocalDate date, BigDecimal amount, BigDecimal reversed,
            String region) {
        BigDecimal net() {
            return amount.add(reversed);
        }
    }

    /** One accepted regional expenditure report naming a voucher; a reversal report has a negative amount. */
    public record RegionalClaim(UUID messageId, String region, String documentNumber, LocalDate spentOn,
            BigDecimal amount) {
    }

    /**
     * One finding; the amounts are each side's net figure for the voucher. {@code voucherLine}: set only on a
     * {@link #reconciledAlone} finding, the listing line it is a function of (with its one claim).
     */
    public record Result(Finding finding, String number, String region, UUID messageId, BigDecimal sigepAmount,
            BigDecimal regionalAmount, LocalDate sigepDate, LocalDate regionalDate, String detail,
            Integer voucherLine) {

        Result(Finding finding, String number, String region, UUID messageId, BigDecimal sigepAmount,
                BigDecimal regionalAmount, LocalDate sigepDate, LocalDate regionalDate, String detail) {
            this(finding, number, region, messageId, sigepAmount, regionalAmount, sigepDate, regionalDate, detail,
                    null);
        }
    }

    private final BigDecimal tolerance;

    public VoucherReconciler(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    public List<Result> reconcile(List<SigepVoucher> sigep, List<RegionalClaim> claims) {
        List<Result> results = new ArrayList<>();
        reconcile(sigep, claims, results::add);
        return results;
    }

    /**
     * The findings in their order, each handed to {@code results} as soon as it is made: a run keeps most of them as
     * a few ids, and a year's hundreds of thousands of findings held at once until stored made the collector's pauses
     * a sizeable part of a run (docs/benchmarks.md, "Reconciliation").
     */
    public void reconcile(List<SigepVoucher> sigep, List<RegionalClaim> claims, Consumer<Result> results) {
        // sized for their contents up front, so they never rehash
        Map<String, SigepVoucher> byNumber = new HashMap<>(sigep.size() * 4 / 3 + 1);
        sigep.forEach(v -> byNumber.put(VoucherNumbers.normalize(v.number()), v));
        // hash maps and one sort at the end: a year has hundreds of thousands of claims (docs/benchmarks.md)
        Map<String, List<RegionalClaim>> claimsByNumber = new HashMap<>(claims.size() * 4 / 3 + 1);
        for (RegionalClaim c : claims) {
            String number = VoucherNumbers.normalize(c.documentNumber());
            if (!number.isEmpty()) { // a claim whose number normalises to nothing names no voucher
                claimsByNumber.computeIfAbsent(number, k -> new ArrayList<>(1)).add(c);
            }
        }
        List<String> numbers = new ArrayList<>(claimsByNumber.keySet());
        byNumber.keySet().stream().filter(n -> !claimsByNumber.containsKey(n)).forEach(numbers::add);
        Collections.sort(numbers);
        for (String number : numbers) {
            SigepVoucher v = byNumber.get(number);
            List<RegionalClaim> found = claimsByNumber.getOrDefault(number, List.of());
            if (found.isEmpty()) {
                if (v.net().signum() != 0) {
                    results.accept(new Result(Finding.SOLO_EN_SIGEP, number, v.region(), null, v.net(), null, v.date(),
                            null, "el comprobante " + number + " no figura en ningún reporte regional"));
                }
                continue;
            }
            if (v == null) {
                for (RegionalClaim c : found) {
                    results.accept(onlyInRegions(number, c));
                }
                continue;
            }
            // loops rather than streams: this runs once per voucher of the year (docs/benchmarks.md)
            RegionalClaim first = found.get(0);
            BigDecimal regionalNet = BigDecimal.ZERO;
            List<RegionalClaim> positive = new ArrayList<>(found.size());
            for (RegionalClaim c : found) {
                regionalNet = regionalNet.add(c.amount());
                if (c.amount().signum() > 0) {
                    positive.add(c);
                }
            }
            long regions = positive.size() <= 1 ? positive.size()
                    : positive.stream().map(RegionalClaim::region).distinct().count();
            if (regions > 1 || positive.size() > 1 && regionalNet.compareTo(v.net()) > 0) {
                // regions only: a REGIONAL reader sees this row of its own region, never another region's reports
                String who = positive.stream().map(RegionalClaim::region).distinct().sorted()
                        .collect(Collectors.joining(", "));
                for (RegionalClaim c : positive) {
                    results.accept(new Result(Finding.RECLAMADO_DOS_VECES, number, c.region(), c.messageId(), v.net(),
                            c.amount(), v.date(), c.spentOn(), "el comprobante " + number + " lo reclaman "
                                    + positive.size() + " reportes" + (regions > 1 ? " de " + regions + " regionales"
                                    : "") + ": " + who));
                }
                continue;
            }
            if (v.net().signum() == 0 && regionalNet.signum() != 0) {
                results.accept(new Result(Finding.REVERTIDO_SOLO_EN_SIGEP, number, first.region(), first.messageId(),
                        v.net(), regionalNet, v.date(), first.spentOn(), "el comprobante " + number + " está revertido"
                                + " en el SIGEP pero la regional mantiene Bs " + regionalNet.toPlainString()));
                continue;
            }
            boolean amountDiffers = v.net().subtract(regionalNet).abs().compareTo(tolerance) > 0;
            boolean dateDiffers = !v.date().equals(first.spentOn());
            if (amountDiffers) {
                results.accept(new Result(Finding.DIFERENCIA_IMPORTE, number, first.region(), first.messageId(),
                        v.net(), regionalNet, v.date(), first.spentOn(), "SIGEP Bs " + v.net().toPlainString()
                                + ", regional Bs " + regionalNet.toPlainString() + " (diferencia Bs "
                                + v.net().subtract(regionalNet).toPlainString() + ")"));
            }
            if (dateDiffers) {
                results.accept(new Result(Finding.DIFERENCIA_FECHA, number, first.region(), first.messageId(), v.net(),
                        regionalNet, v.date(), first.spentOn(), "SIGEP " + v.date() + ", regional "
                                + first.spentOn()));
            }
            if (!amountDiffers && !dateDiffers) {
                results.accept(found.size() == 1 && v.reversed().signum() == 0 ? reconciledAlone(number, v, first)
                        : new Result(Finding.CONCILIADO, number, first.region(), first.messageId(), v.net(),
                                regionalNet, v.date(), first.spentOn(), "conciliado"));
            }
        }
    }

    /**
     * The {@code CONCILIADO} finding of a voucher with no reversal and one claim (most of a listing): the same figures
     * as any CONCILIADO finding (each side's net is then the voucher's and the claim's own amount), as a function of
     * the listing line and the claim alone. A stored run keeps such findings as the two keys (V28) and reads them back
     * from the listing and the reports through this method, whose rows never change.
     */
    public static Result reconciledAlone(String number, SigepVoucher v, RegionalClaim c) {
        return new Result(Finding.CONCILIADO, number, c.region(), c.messageId(), v.net(), c.amount(), v.date(),
                c.spentOn(), "conciliado", v.lineNo());
    }

    /**
     * The {@code SOLO_EN_REGIONALES} finding of one claim whose normalised voucher {@code number} is not in the
     * listing. Also how a stored run's unmatched claims are read back (they are stored as report ids, V27): the
     * finding is a function of the claim alone.
     */
    public static Result onlyInRegions(String number, RegionalClaim c) {
        return new Result(Finding.SOLO_EN_REGIONALES, number, c.region(), c.messageId(), null, c.amount(), null,
                c.spentOn(), "el comprobante " + number + " no está en el listado del SIGEP");
    }
}
