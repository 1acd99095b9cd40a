package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
        /** The amount net of reversals: the amount itself, not a new equal one, when nothing was reversed. */
        BigDecimal net() {
            // the same value and scale as the sum (a matcher calls this several times per voucher of the year)
            return reversed.signum() == 0 && reversed.scale() <= amount.scale() ? amount : amount.add(reversed);
        }
    }

    /**
     * The order in which a voucher's claims arrived: by {@code receivedAt} (one ingest batch shares it), then by id
     * compared as unsigned bytes, the order PostgreSQL gives {@code order by received_at, message_id}.
     */
    static final Comparator<RegionalClaim> ARRIVAL = (a, b) -> {
        int c = a.compareArrival(b);
        if (c == 0) {
            c = Long.compareUnsigned(a.idHigh(), b.idHigh());
        }
        return c != 0 ? c : Long.compareUnsigned(a.idLow(), b.idLow());
    };

    /** The matcher's order of claims: by normalised number, a number's claims in {@link #ARRIVAL} order. */
    private static final Comparator<RegionalClaim> BY_NUMBER = (a, b) -> {
        int order = a.number().compareTo(b.number());
        return order != 0 ? order : ARRIVAL.compare(a, b);
    };

    /** Where the parts of a sort but the first are sorted ({@link #sortOnEveryCore}). */
    private static final Executor SORTERS = OwnThreads.named("reconciliation-sort-");

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

    /** Where the findings go, one at a time and in their order. */
    @FunctionalInterface
    public interface Sink {

        void accept(Result finding);

        /**
         * A claim whose normalised number the listing lacks: its {@link #onlyInRegions} finding. A run, which
         * keeps only such a claim's id (V27), takes it without the finding being made: a year has hundreds of
         * thousands of them, and their findings were most of what matching allocated (docs/benchmarks.md).
         */
        default void unmatched(RegionalClaim claim) {
            accept(onlyInRegions(claim));
        }
    }

    /**
     * The findings in their order (by normalised number; a number's claims in {@link #ARRIVAL} order, whatever the
     * order of {@code claims}), each handed to {@code results} as soon as it is made: a run keeps most of them as a
     * few ids, and a year's hundreds of thousands of findings held at once until stored made the collector's pauses
     * a sizeable part of a run (docs/benchmarks.md, "Reconciliation").
     *
     * <p>Both sides are sorted by number and merged: a year has hundreds of thousands of claims, and a hash map of
     * them (plus the sort the output needs anyway) cost more than one sort (docs/benchmarks.md). A listing names each
     * number once ({@code ExtractReader} refuses a listing that repeats one).
     */
    public void reconcile(List<SigepVoucher> sigep, List<RegionalClaim> claims, Sink results) {
        NumberedVoucher[] vouchers = numbered(sigep);
        RegionalClaim[] found = sorted(claims);
        int v = 0;
        int c = 0;
        while (v < vouchers.length || c < found.length) {
            int order = v == vouchers.length ? 1 : c == found.length ? -1
                    : vouchers[v].number().compareTo(found[c].number());
            if (order < 0) {
                onlyInSigep(vouchers[v++], results);
                continue;
            }
            String number = found[c].number();
            int end = c + 1;
            while (end < found.length && found[end].number().equals(number)) {
                end++;
            }
            if (order > 0) {
                for (int i = c; i < end; i++) {
                    results.unmatched(found[i]);
                }
            } else {
                match(number, vouchers[v++].item(), Arrays.asList(found).subList(c, end), results);
            }
            c = end;
        }
    }

    /** The claims with a positive amount (not reversals): {@code found} itself when all are (most vouchers). */
    private static List<RegionalClaim> positive(List<RegionalClaim> found) {
        for (RegionalClaim c : found) {
            if (c.signum() <= 0) {
                return found.stream().filter(p -> p.signum() > 0).toList();
            }
        }
        return found;
    }

    /** A voucher with its normalised number. */
    private record NumberedVoucher(String number, SigepVoucher item) {
    }

    /** The vouchers whose number normalises to something, sorted by that number. */
    private static NumberedVoucher[] numbered(List<SigepVoucher> sigep) {
        NumberedVoucher[] numbered = new NumberedVoucher[sigep.size()];
        int n = 0;
        for (SigepVoucher v : sigep) {
            String normalized = VoucherNumbers.normalize(v.number());
            if (!normalized.isEmpty()) {
                numbered[n++] = new NumberedVoucher(normalized, v);
            }
        }
        NumberedVoucher[] kept = n == numbered.length ? numbered : Arrays.copyOf(numbered, n);
        sortOnEveryCore(kept, Comparator.comparing(NumberedVoucher::number));
        return kept;
    }

    /**
     * The claims that name a voucher (a claim whose number normalises to nothing names none), sorted by that number,
     * then in {@link #ARRIVAL} order. The claims themselves, with no wrapper: a year has hundreds of thousands.
     */
    private static RegionalClaim[] sorted(List<RegionalClaim> claims) {
        RegionalClaim[] kept = new RegionalClaim[claims.size()];
        int n = 0;
        for (RegionalClaim c : claims) {
            if (!c.number().isEmpty()) {
                kept[n++] = c;
            }
        }
        if (n < kept.length) {
            kept = Arrays.copyOf(kept, n);
        }
        sortOnEveryCore(kept, BY_NUMBER);
        return kept;
    }

    /**
     * Sorts {@code items} on every core: nothing else runs while a reconciliation matches (the database has sent its
     * rows). A part per core, each on a thread of its own, then one sort that finds the parts sorted and merges them.
     * Not {@link Arrays#parallelSort}: it sorts on the common pool, which has a thread fewer than the machine has
     * cores, so on two cores (the machines this project is measured on) it sorts on one (docs/benchmarks.md).
     */
    static <T> void sortOnEveryCore(T[] items, Comparator<? super T> order) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), 8);
        if (parts < 2 || items.length < 8_192) {
            Arrays.sort(items, order);
            return;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) items.length * p / parts);
            int to = (int) ((long) items.length * (p + 1) / parts);
            others.add(CompletableFuture.runAsync(() -> Arrays.sort(items, from, to, order),
                    SORTERS));
        }
        Arrays.sort(items, 0, items.length / parts, order);
        CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        Arrays.sort(items, order);
    }

    private static void onlyInSigep(NumberedVoucher voucher, Sink results) {
        SigepVoucher v = voucher.item();
        if (v.net().signum() != 0) {
            results.accept(new Result(Finding.SOLO_EN_SIGEP, voucher.number(), v.region(), null, v.net(), null,
                    v.date(), null, "el comprobante " + voucher.number() + " no figura en ningún reporte regional"));
        }
    }

    /** The findings of a voucher that SIGEP lists and the regions claim ({@code found}: in arrival order). */
    private void match(String number, SigepVoucher v, List<RegionalClaim> found, Sink results) {
        // loops rather than streams: this runs once per voucher of the year (docs/benchmarks.md)
        RegionalClaim first = found.get(0);
        BigDecimal regionalNet = BigDecimal.ZERO;
        for (RegionalClaim c : found) {
            regionalNet = regionalNet.add(c.amount());
        }
        List<RegionalClaim> positive = positive(found);
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
            return;
        }
        if (v.net().signum() == 0 && regionalNet.signum() != 0) {
            results.accept(new Result(Finding.REVERTIDO_SOLO_EN_SIGEP, number, first.region(), first.messageId(),
                    v.net(), regionalNet, v.date(), first.spentOn(), "el comprobante " + number + " está revertido"
                            + " en el SIGEP pero la regional mantiene Bs " + regionalNet.toPlainString()));
            return;
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
            results.accept(found.size() == 1 && v.reversed().signum() == 0 ? reconciledAlone(v, first)
                    : new Result(Finding.CONCILIADO, number, first.region(), first.messageId(), v.net(),
                            regionalNet, v.date(), first.spentOn(), "conciliado"));
        }
    }

    /**
     * The {@code CONCILIADO} finding of a voucher with no reversal and one claim (most of a listing): the same figures
     * as any CONCILIADO finding (each side's net is then the voucher's and the claim's own amount), as a function of
     * the listing line and the claim alone. A stored run keeps such findings as the two keys (V28) and reads them back
     * from the listing and the reports through this method, whose rows never change.
     */
    public static Result reconciledAlone(SigepVoucher v, RegionalClaim c) {
        return new Result(Finding.CONCILIADO, c.number(), c.region(), c.messageId(), v.net(), c.amount(), v.date(),
                c.spentOn(), "conciliado", v.lineNo());
    }

    /**
     * The {@code SOLO_EN_REGIONALES} finding of one claim whose normalised voucher number is not in the listing. Also
     * how a stored run's unmatched claims are read back (they are stored as report ids, V27): the finding is a function
     * of the claim alone.
     */
    public static Result onlyInRegions(RegionalClaim c) {
        return new Result(Finding.SOLO_EN_REGIONALES, c.number(), c.region(), c.messageId(), null, c.amount(), null,
                c.spentOn(), "el comprobante " + c.number() + " no está en el listado del SIGEP");
    }
}
