package org.poahub.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A budget line (<i>partida</i>): an object-of-expenditure code (e.g. {@code 20000}, or a detailed code such as
 * {@code 25220}) and one amount per funding column of the plan, in bolivianos with scale 2.
 */
public record BudgetLine(String objectCode, List<BigDecimal> amounts) {

    public BudgetLine {
        Objects.requireNonNull(objectCode, "objectCode");
        if (!ObjectOfExpenditureClassifier.isWellFormedCode(objectCode)) {
            throw new IllegalArgumentException("object-of-expenditure code '" + objectCode + "' is not five digits");
        }
        amounts = amounts.stream().map(BudgetLine::money).toList();
        for (BigDecimal a : amounts) {
            if (a.signum() < 0) {
                throw new IllegalArgumentException("negative amount " + a + " in budget line " + objectCode);
            }
        }
    }

    public static BudgetLine of(String objectCode, BigDecimal... amounts) {
        return new BudgetLine(objectCode, List.of(amounts));
    }

    /** The group ({@code 10000} … {@code 90000}) the object code belongs to. */
    public String groupCode() {
        return ObjectOfExpenditureClassifier.groupCodeOf(objectCode);
    }

    public BigDecimal amount(int column) {
        return amounts.get(column);
    }

    public BigDecimal total() {
        return amounts.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** Normalises an amount to scale 2; refuses amounts with fractions of a centavo rather than round them. */
    public static BigDecimal money(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
