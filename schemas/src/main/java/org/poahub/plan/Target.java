package org.poahub.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The target (<i>meta</i>) of an operation: a number and what it counts, plus the indicator text exactly as
 * the plan states it. {@code value} is {@code null} exactly when {@code kind} is {@link TargetKind#NONE}.
 */
public record Target(BigDecimal value, TargetKind kind, String originalText) {

    public Target {
        Objects.requireNonNull(kind, "kind");
        originalText = originalText == null ? "" : originalText;
        if ((kind == TargetKind.NONE) != (value == null)) {
            throw new IllegalArgumentException("target value must be present unless kind is NONE: " + kind + " " + value);
        }
        if (value != null && value.signum() < 0) {
            throw new IllegalArgumentException("target value must not be negative: " + value);
        }
    }

    public static Target none(String originalText) {
        return new Target(null, TargetKind.NONE, originalText);
    }

    public static Target percentage(BigDecimal value, String originalText) {
        return new Target(value, TargetKind.PERCENTAGE, originalText);
    }

    public static Target count(BigDecimal value, String originalText) {
        return new Target(value, TargetKind.COUNT, originalText);
    }
}
