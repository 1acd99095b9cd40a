package org.poahub.agent.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;

/**
 * A decimal field of the report contract, with the scale and precision its Avro schema declares (read from the
 * generated classes, so the limits live in the {@code .avsc} only). Every way a number enters a report (the command
 * line, the drop-folder import) checks it here: a number that does not fit is refused in Spanish before it reaches
 * Avro's encoder, which would fail with an English message or none.
 */
public record ContractDecimal(int scale, int precision) {

    public static final ContractDecimal AMOUNT = of(ExpenditureReport.getClassSchema(), "amount");
    public static final ContractDecimal ACHIEVED_VALUE = of(ProgressReport.getClassSchema(), "achievedValue");
    public static final ContractDecimal PERCENT_COMPLETE = of(ProgressReport.getClassSchema(), "percentComplete");

    /** What is wrong with {@code value} for this field, in Spanish ({@code shown} is the value as the user wrote it). */
    public Optional<String> problem(BigDecimal value, String shown) {
        if (value.stripTrailingZeros().scale() > scale) {
            return Optional.of("'" + shown + "' tiene más de " + scale + " decimales.");
        }
        if (value.setScale(scale, RoundingMode.UNNECESSARY).precision() > precision) {
            return Optional.of("'" + shown + "' tiene demasiadas cifras: a lo sumo " + (precision - scale)
                    + " antes de la coma decimal.");
        }
        return Optional.empty();
    }

    /**
     * The value at the field's scale.
     *
     * @throws IllegalArgumentException in Spanish, naming {@code field}, when it does not fit
     */
    public BigDecimal fit(String field, BigDecimal value) {
        problem(value, value.toPlainString()).ifPresent(p -> {
            throw new IllegalArgumentException(field + ": " + p);
        });
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    private static ContractDecimal of(Schema record, String field) {
        Schema schema = record.getField(field).schema();
        if (schema.isUnion()) {
            schema = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst()
                    .orElseThrow();
        }
        if (!(schema.getLogicalType() instanceof LogicalTypes.Decimal decimal)) {
            throw new IllegalStateException(record.getName() + "." + field + " is not a decimal");
        }
        return new ContractDecimal(decimal.getScale(), decimal.getPrecision());
    }
}
