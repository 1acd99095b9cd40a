package org.poahub.agent.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.poahub.rules.PlannedBudgetLine;
import org.poahub.rules.PlannedOperation;

/**
 * How one simulated regional office carries out the plan over a year, fixed by a seed so every machine sees the same
 * year: each operation has a pace (most on schedule, about a fifth behind at 55–85 %, about a tenth ahead, finishing
 * early) and each budget line a final spend factor (92–100 % of the office's share; one line in twelve overspent by
 * 4–15 %); an operation behind spends only as far as it got. Spend follows the pace: the cumulative spend at a
 * month end is {@code amount × share × factor × progress share}, rounded to the centavo, and a month spends the
 * difference from the month before, so the months add up exactly to the year's total.
 */
public final class SimulatedYear {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final BigDecimal share;
    /** per operation: the share of its schedule done per share of time elapsed (1 = on schedule) */
    private final Map<String, Double> pace = new HashMap<>();
    private final Map<PlannedBudgetLine, BigDecimal> factor = new HashMap<>();

    private SimulatedYear(BigDecimal share) {
        this.share = share;
    }

    /**
     * @param share the part of the national budget this office spends (e.g. 1/3 when three offices are simulated)
     */
    public static SimulatedYear of(List<PlannedOperation> operations, long seed, BigDecimal share) {
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share must be within (0, 1], not " + share);
        }
        SimulatedYear year = new SimulatedYear(share);
        Random random = new Random(seed);
        // which operations run behind (a fifth) or ahead (a tenth), and which lines overspend (one in twelve, at
        // least one): fixed counts drawn by the seed, so every simulated office has some of each
        List<PlannedOperation> shuffled = new ArrayList<>(operations);
        Collections.shuffle(shuffled, random);
        int behind = Math.max(1, shuffled.size() / 5);
        int ahead = Math.max(1, shuffled.size() / 10);
        for (int i = 0; i < shuffled.size(); i++) {
            double p = i < behind ? 0.55 + random.nextDouble() * 0.30
                    : i < behind + ahead ? 1.10 + random.nextDouble() * 0.25
                    : 0.97 + random.nextDouble() * 0.06;
            year.pace.put(shuffled.get(i).code(), p);
        }
        List<PlannedBudgetLine> lines = new ArrayList<>();
        for (PlannedOperation op : operations) {
            lines.addAll(op.budgetLines());
        }
        Collections.shuffle(lines, random);
        int overspent = Math.max(1, lines.size() / 12);
        for (int i = 0; i < lines.size(); i++) {
            PlannedBudgetLine line = lines.get(i);
            double f = i < overspent ? 1.04 + random.nextDouble() * 0.11
                    : 0.92 + random.nextDouble() * 0.08;
            year.factor.put(line, BigDecimal.valueOf(f).setScale(4, RoundingMode.HALF_UP));
        }
        return year;
    }

    /** An operation's physical progress at a month end, in percent of its schedule (0 … 100, 2 decimals). */
    public BigDecimal progressPercent(PlannedOperation op, YearMonth month) {
        double elapsed = elapsedShare(op, month);
        double done = Math.min(1.0, elapsed * pace.getOrDefault(op.code(), 1.0));
        return BigDecimal.valueOf(done * 100).setScale(2, RoundingMode.HALF_UP).min(HUNDRED.setScale(2));
    }

    /** What this office has spent on a line by the end of a month (its final spend × progress share). */
    public BigDecimal cumulativeSpend(PlannedOperation op, PlannedBudgetLine line, YearMonth month) {
        BigDecimal done = progressPercent(op, month).divide(HUNDRED, 6, RoundingMode.HALF_UP);
        return finalSpend(line).multiply(done).setScale(2, RoundingMode.HALF_UP);
    }

    /** What this office spends on a line within a month: exact, the months add up to {@link #finalSpend}. */
    public BigDecimal spendIn(PlannedOperation op, PlannedBudgetLine line, YearMonth month) {
        BigDecimal before = month.getMonthValue() == 1 ? BigDecimal.ZERO.setScale(2)
                : cumulativeSpend(op, line, month.minusMonths(1));
        return cumulativeSpend(op, line, month).subtract(before);
    }

    /** The line's spend at the end of the year if its operation finished. */
    public BigDecimal finalSpend(PlannedBudgetLine line) {
        return line.amount().multiply(share).multiply(factor.getOrDefault(line, BigDecimal.ONE))
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether the operation runs behind schedule (pace below 0.9). */
    public boolean behind(String operationCode) {
        return pace.getOrDefault(operationCode, 1.0) < 0.9;
    }

    /** Whether the operation runs ahead of schedule (pace above 1.05). */
    public boolean ahead(String operationCode) {
        return pace.getOrDefault(operationCode, 1.0) > 1.05;
    }

    /** Whether the line ends the year above its share of the budget. */
    public boolean overspent(PlannedBudgetLine line) {
        return factor.getOrDefault(line, BigDecimal.ONE).compareTo(BigDecimal.ONE) > 0;
    }

    /** Share of the operation's days elapsed by the end of the month (0 … 1). */
    private static double elapsedShare(PlannedOperation op, YearMonth month) {
        LocalDate start = op.start() == null ? LocalDate.of(op.fiscalYear(), 1, 1) : op.start();
        LocalDate end = op.end() == null ? LocalDate.of(op.fiscalYear(), 12, 31) : op.end();
        LocalDate monthEnd = month.atEndOfMonth();
        if (monthEnd.isBefore(start)) {
            return 0;
        }
        if (!monthEnd.isBefore(end)) {
            return 1;
        }
        return (double) (ChronoUnit.DAYS.between(start, monthEnd) + 1) / (ChronoUnit.DAYS.between(start, end) + 1);
    }
}
