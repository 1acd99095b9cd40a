package org.poahub.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An operation (<i>operación</i>) of a short-term action: what is done, the expected result, the indicator and
 * target (<i>meta</i>), the means of verification, the schedule, the responsible unit and its budget lines.
 * <p>
 * {@code regionalShares} is the optional regional breakdown. <b>Default when empty:</b> the operation is national
 * and every region of the catalogue carries (reports on) it; no split of target or budget is implied.
 */
public record Operation(
        OperationCode code,
        String name,
        String expectedResult,
        String indicator,
        Target target,
        String meansOfVerification,
        LocalDate start,
        LocalDate end,
        String responsibleUnit,
        List<BudgetLine> budgetLines,
        List<RegionalShare> regionalShares) {

    public Operation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        expectedResult = Objects.requireNonNullElse(expectedResult, "");
        indicator = Objects.requireNonNullElse(indicator, "");
        meansOfVerification = Objects.requireNonNullElse(meansOfVerification, "");
        responsibleUnit = Objects.requireNonNullElse(responsibleUnit, "");
        budgetLines = List.copyOf(budgetLines == null ? List.of() : budgetLines);
        regionalShares = List.copyOf(regionalShares == null ? List.of() : regionalShares);
        if (start.isAfter(end)) {
            throw new IllegalArgumentException("operation " + code + " starts " + start + " after it ends " + end);
        }
    }

    /** True when the operation has no regional breakdown (the default: every region carries it). */
    public boolean isNational() {
        return regionalShares.isEmpty();
    }

    /** Whether the given region reports on this operation (always true for a national operation). */
    public boolean isCarriedBy(String regionCode) {
        return isNational() || regionalShares.stream().anyMatch(s -> s.regionCode().equals(regionCode));
    }

    /** Sum per funding column over this operation's budget lines. */
    public List<BigDecimal> totalsByColumn(int columns) {
        List<BigDecimal> totals = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            totals.add(BigDecimal.ZERO.setScale(2));
        }
        for (BudgetLine line : budgetLines) {
            for (int c = 0; c < columns && c < line.amounts().size(); c++) {
                totals.set(c, totals.get(c).add(line.amount(c)));
            }
        }
        return List.copyOf(totals);
    }

    public BigDecimal total() {
        return budgetLines.stream().map(BudgetLine::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
