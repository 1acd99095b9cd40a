package org.poahub.hub.finance.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reconciles the financial system's devengado with the regions' accepted expenditure, line by line
 * (docs/finance.md, "Reconciliation rules"). Keys present on one side only are SOLO_EN_SIGEP or SOLO_EN_REGIONALES;
 * on both sides, CONCILIADO when |SIGEP − regions| ≤ tolerance, else DIFERENCIA with the amount (SIGEP − regions)
 * and its percentage of the SIGEP figure (two decimals, half up; none when SIGEP is zero).
 */
public final class LineReconciler {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal tolerance;

    /** @param tolerance in bolivianos, ≥ 0 (default 0.00: every centavo counts) */
    public LineReconciler(BigDecimal tolerance) {
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
        this.tolerance = tolerance;
    }

    public enum Status { CONCILIADO, SOLO_EN_SIGEP, SOLO_EN_REGIONALES, DIFERENCIA }

    /** One result line; {@code sigep} or {@code regional} is zero when that side has no record. */
    public record Result<K>(K key, BigDecimal sigep, BigDecimal regional, BigDecimal difference,
            BigDecimal differencePercent, Status status) {
    }

    /** Every key of either side, in key order. */
    public <K extends Comparable<K>> List<Result<K>> reconcile(Map<K, BigDecimal> sigep, Map<K, BigDecimal> regional) {
        TreeSet<K> keys = new TreeSet<>(sigep.keySet());
        keys.addAll(regional.keySet());
        List<Result<K>> results = new ArrayList<>(keys.size());
        for (K key : keys) {
            BigDecimal s = sigep.get(key);
            BigDecimal r = regional.get(key);
            BigDecimal sAmount = s == null ? BigDecimal.ZERO.setScale(2) : s;
            BigDecimal rAmount = r == null ? BigDecimal.ZERO.setScale(2) : r;
            BigDecimal difference = sAmount.subtract(rAmount);
            BigDecimal percent = sAmount.signum() == 0 ? null
                    : difference.multiply(HUNDRED).divide(sAmount, 2, RoundingMode.HALF_UP);
            Status status;
            if (r == null) {
                status = Status.SOLO_EN_SIGEP;
            } else if (s == null) {
                status = Status.SOLO_EN_REGIONALES;
            } else {
                status = difference.abs().compareTo(tolerance) <= 0 ? Status.CONCILIADO : Status.DIFERENCIA;
            }
            results.add(new Result<>(key, sAmount, rAmount, difference, percent, status));
        }
        return results;
    }
}
