package org.poahub.hub.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.poahub.hub.consolidation.Consolidation;
import org.poahub.hub.consolidation.Consolidation.ExpenditureLine;

/**
 * One region's part of the consolidated figures as of a period's last day: what an approval freezes and what
 * "current" shows beside it. Cut out of {@link Consolidation} (the consolidation feature's one computation), never
 * computed here.
 *
 * @param operations the region's figures per operation it reports on (national operations and its own shares)
 * @param spent      the region's spend, all operations
 * @param lines      the region's spend by object-of-expenditure group and funding column
 */
public record RegionFigures(int planVersion, LocalDate asOf, String regionCode, List<OperationLine> operations,
                            BigDecimal spent, List<ExpenditureLine> lines) {

    public RegionFigures {
        operations = List.copyOf(operations);
        lines = List.copyOf(lines);
    }

    /** The region's line of one operation (progress in percent of the operation's target, 2 decimals). */
    public record OperationLine(String code, String name, BigDecimal cumulativeValue, BigDecimal physicalProgress,
                                LocalDate lastPeriodEnd, int progressReports, BigDecimal spent) {
    }

    /** What changed in one operation between the snapshot and now (null: no value on one side). */
    public record OperationChange(String code, BigDecimal cumulativeValueBefore, BigDecimal cumulativeValueNow,
                                  BigDecimal physicalProgressBefore, BigDecimal physicalProgressNow,
                                  BigDecimal spentBefore, BigDecimal spentNow) {
    }

    /** The difference of "current" from "as approved": the region's spend and every operation that changed. */
    public record Difference(BigDecimal spent, List<OperationChange> operations) {

        public boolean isEmpty() {
            return spent.signum() == 0 && operations.isEmpty();
        }
    }

    static RegionFigures of(Consolidation figures, String regionCode) {
        List<OperationLine> operations = new ArrayList<>();
        figures.objectives().forEach(o -> o.actions().forEach(a -> a.operations().forEach(op ->
                op.regions().stream().filter(r -> r.regionCode().equals(regionCode)).findFirst()
                        .ifPresent(r -> operations.add(new OperationLine(op.code(), op.name(), r.cumulativeValue(),
                                r.physicalProgress(), r.lastPeriodEnd(), r.progressReports(), r.spent()))))));
        Consolidation.RegionExpenditure spend = figures.regionalExpenditure().stream()
                .filter(r -> r.regionCode().equals(regionCode)).findFirst().orElse(null);
        return new RegionFigures(figures.planVersion(), figures.asOf(), regionCode, operations,
                spend == null ? BigDecimal.ZERO.setScale(2) : spend.spent(), spend == null ? List.of() : spend.lines());
    }

    /** {@code this} (current) minus {@code approved}. */
    Difference since(RegionFigures approved) {
        Map<String, OperationLine> before = approved.operations.stream()
                .collect(Collectors.toMap(OperationLine::code, Function.identity()));
        List<OperationChange> changes = new ArrayList<>();
        for (OperationLine now : operations) {
            OperationLine then = before.remove(now.code());
            if (then == null || !same(then.cumulativeValue(), now.cumulativeValue())
                    || !same(then.physicalProgress(), now.physicalProgress()) || !same(then.spent(), now.spent())) {
                changes.add(change(now.code(), then, now));
            }
        }
        before.values().forEach(then -> changes.add(change(then.code(), then, null)));
        return new Difference(spent.subtract(approved.spent), List.copyOf(changes));
    }

    private static OperationChange change(String code, OperationLine then, OperationLine now) {
        return new OperationChange(code, then == null ? null : then.cumulativeValue(),
                now == null ? null : now.cumulativeValue(), then == null ? null : then.physicalProgress(),
                now == null ? null : now.physicalProgress(), then == null ? null : then.spent(),
                now == null ? null : now.spent());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
