package org.poahub.hub.consolidation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.poahub.plan.Operation;
import org.poahub.plan.RegionalShare;

/**
 * The arithmetic of docs/consolidation.md: percentages with 2 decimals (half up), planned progress linear between an
 * operation's start and end, fiscal month and quarter (the Bolivian fiscal year is the calendar year).
 */
public final class ProgressMath {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ProgressMath() {
    }

    /**
     * Planned progress at {@code date}: 0 before the start, 100 from the end on, otherwise the share of the
     * operation's days (both ends included) elapsed up to and including {@code date}.
     */
    public static BigDecimal plannedPercent(LocalDate start, LocalDate end, LocalDate date) {
        if (date.isBefore(start)) {
            return ZERO;
        }
        if (!date.isBefore(end)) {
            return HUNDRED.setScale(2);
        }
        long elapsed = ChronoUnit.DAYS.between(start, date) + 1;
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        return percent(BigDecimal.valueOf(elapsed), BigDecimal.valueOf(total));
    }

    /** {@code part / whole × 100} with 2 decimals; null when {@code whole} is not positive. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() <= 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /**
     * A region's cumulative value as a percentage of its target. The target is the operation's (its
     * {@link RegionalShare#targetSharePercent() share} of it when the plan splits the operation by region). An
     * operation without a numeric target reports its progress as a percentage: {@code percentComplete} when given,
     * else the cumulative value itself.
     */
    public static BigDecimal achievedPercent(Operation operation, String regionCode, BigDecimal cumulativeValue,
                                             BigDecimal percentComplete) {
        BigDecimal target = regionTarget(operation, regionCode);
        if (target == null || target.signum() <= 0) {
            return (percentComplete != null ? percentComplete : cumulativeValue).setScale(2, RoundingMode.HALF_UP);
        }
        return percent(cumulativeValue, target);
    }

    /** The target a region works toward: the whole target, or the region's share when the plan gives one. */
    static BigDecimal regionTarget(Operation operation, String regionCode) {
        BigDecimal target = operation.target().value();
        if (target == null) {
            return null;
        }
        return operation.regionalShares().stream().filter(s -> s.regionCode().equals(regionCode)).findFirst()
                .map(s -> target.multiply(s.targetSharePercent()).divide(HUNDRED))
                .orElse(target);
    }

    /** Mean with 2 decimals (half up); zero for no values. */
    static BigDecimal mean(java.util.List<BigDecimal> values) {
        if (values.isEmpty()) {
            return ZERO;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /** An operation counts at most 100 % in a rollup (docs/consolidation.md, "Rollups"). */
    public static BigDecimal capAt100(BigDecimal percent) {
        return percent.compareTo(HUNDRED) > 0 ? HUNDRED.setScale(2) : percent;
    }

    public static int fiscalQuarter(LocalDate date) {
        return (date.getMonthValue() - 1) / 3 + 1;
    }
}
