package org.poahub.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The annual operations plan (POA) of one entity for one fiscal year: objectives → actions → operations.
 * {@code fundingColumns} names the budget columns (e.g. funding sources); every budget line has one amount per
 * column, in this order.
 */
public record Plan(
        int fiscalYear,
        String entityCode,
        String entityAcronym,
        List<String> fundingColumns,
        List<Objective> objectives) {

    public Plan {
        Objects.requireNonNull(entityCode, "entityCode");
        entityAcronym = Objects.requireNonNullElse(entityAcronym, "");
        fundingColumns = List.copyOf(fundingColumns);
        objectives = List.copyOf(objectives);
        if (fundingColumns.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one funding column");
        }
        Set<OperationCode> seen = new HashSet<>();
        for (Objective o : objectives) {
            for (Action a : o.actions()) {
                for (Operation op : a.operations()) {
                    if (!seen.add(op.code())) {
                        throw new IllegalArgumentException("duplicate operation code " + op.code());
                    }
                    for (BudgetLine line : op.budgetLines()) {
                        if (line.amounts().size() != fundingColumns.size()) {
                            throw new IllegalArgumentException("budget line " + line.objectCode() + " of " + op.code()
                                    + " has " + line.amounts().size() + " amounts, the plan has "
                                    + fundingColumns.size() + " funding columns");
                        }
                    }
                }
            }
        }
    }

    public List<Action> actions() {
        return objectives.stream().flatMap(o -> o.actions().stream()).toList();
    }

    /** All operations in plan order. */
    public List<Operation> operations() {
        return actions().stream().flatMap(a -> a.operations().stream()).toList();
    }

    public Optional<Operation> operation(OperationCode code) {
        return operations().stream().filter(op -> op.code().equals(code)).findFirst();
    }

    public Optional<Operation> operation(String code) {
        return OperationCode.tryParse(code).flatMap(this::operation);
    }

    public Optional<Action> action(String code) {
        return actions().stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Objective> objective(String code) {
        return objectives.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    /** The operations a region reports on (national operations plus those whose breakdown names the region). */
    public List<Operation> operationsCarriedBy(String regionCode) {
        return operations().stream().filter(op -> op.isCarriedBy(regionCode)).toList();
    }

    /** Total per funding column over the whole plan. */
    public List<BigDecimal> totalsByFundingColumn() {
        return sumColumns(operations());
    }

    /** Grand total over all funding columns. */
    public BigDecimal grandTotal() {
        return totalsByFundingColumn().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Totals per funding column keyed by action code, in plan order. */
    public Map<String, List<BigDecimal>> totalsByAction() {
        Map<String, List<BigDecimal>> totals = new LinkedHashMap<>();
        for (Action a : actions()) {
            totals.put(a.code(), sumColumns(a.operations()));
        }
        return totals;
    }

    /** Totals per funding column keyed by objective code, in plan order. */
    public Map<String, List<BigDecimal>> totalsByObjective() {
        Map<String, List<BigDecimal>> totals = new LinkedHashMap<>();
        for (Objective o : objectives) {
            totals.put(o.code(), sumColumns(o.actions().stream().flatMap(a -> a.operations().stream()).toList()));
        }
        return totals;
    }

    /** Totals per funding column keyed by object-of-expenditure group ({@code 10000} … {@code 90000}), sorted. */
    public Map<String, List<BigDecimal>> totalsByExpenditureGroup() {
        return sumLinesBy(BudgetLine::groupCode);
    }

    /** Totals per funding column keyed by object-of-expenditure code as written in the plan, sorted. */
    public Map<String, List<BigDecimal>> totalsByObjectCode() {
        return sumLinesBy(BudgetLine::objectCode);
    }

    private Map<String, List<BigDecimal>> sumLinesBy(Function<BudgetLine, String> key) {
        Map<String, List<BigDecimal>> totals = new TreeMap<>();
        for (Operation op : operations()) {
            for (BudgetLine line : op.budgetLines()) {
                List<BigDecimal> sum = totals.computeIfAbsent(key.apply(line), k -> zeros());
                for (int c = 0; c < fundingColumns.size(); c++) {
                    sum.set(c, sum.get(c).add(line.amount(c)));
                }
            }
        }
        totals.replaceAll((k, v) -> List.copyOf(v));
        return totals;
    }

    private List<BigDecimal> sumColumns(List<Operation> ops) {
        List<BigDecimal> sum = zeros();
        for (Operation op : ops) {
            List<BigDecimal> t = op.totalsByColumn(fundingColumns.size());
            for (int c = 0; c < sum.size(); c++) {
                sum.set(c, sum.get(c).add(t.get(c)));
            }
        }
        return List.copyOf(sum);
    }

    private List<BigDecimal> zeros() {
        List<BigDecimal> z = new ArrayList<>();
        for (int c = 0; c < fundingColumns.size(); c++) {
            z.add(BigDecimal.ZERO.setScale(2));
        }
        return z;
    }
}
