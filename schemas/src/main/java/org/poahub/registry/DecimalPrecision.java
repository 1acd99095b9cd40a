package org.poahub.registry;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro reads a decimal from however many bytes the payload carries; the contract's precision (18 digits for
 * amounts) is checked only when writing. A payload from a foreign writer could therefore carry a 37-digit amount
 * that the agent could never have sent and PostgreSQL's {@code numeric} columns would refuse mid-batch (found by
 * {@code WireDecoderFuzzTest}). This walks a decoded record and names the first decimal over its schema's
 * precision, so the decoder refuses the payload with a reason instead.
 */
final class DecimalPrecision {

  private DecimalPrecision() {
  }

  /** The first decimal in {@code value} with more digits than {@code schema} allows, described; else null. */
  static String firstViolation(Schema schema, Object value) {
    Violation violation = check(schema, value);
    return violation == null ? null : violation.describe(schema.getName());
  }

  /**
   * Where a decimal is over its precision. Its path is put together only once one is found, on the way back up: a
   * path built field by field on the way down cost a string per field of every record read.
   */
  private static final class Violation {
    private final Deque<String> path = new ArrayDeque<>();
    private final int digits;
    private final int allowed;

    Violation(int digits, int allowed) {
      this.digits = digits;
      this.allowed = allowed;
    }

    Violation under(String step) {
      path.addFirst(step);
      return this;
    }

    String describe(String root) {
      return root + String.join("", path) + " has " + digits + " digits, the schema allows " + allowed;
    }
  }

  private static Violation check(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal && value instanceof BigDecimal number) {
      return number.precision() > decimal.getPrecision()
          ? new Violation(number.precision(), decimal.getPrecision())
          : null;
    }
    return switch (schema.getType()) {
      case RECORD -> checkFields(schema, (IndexedRecord) value);
      case UNION -> checkBranch(schema, value);
      case ARRAY -> checkAll(schema.getElementType(), (Collection<?>) value);
      case MAP -> checkAll(schema.getValueType(), ((Map<?, ?>) value).values());
      default -> null;
    };
  }

  /** Only decimals, records, arrays and maps can hold a decimal: the branch is the one of that shape. */
  private static Violation checkBranch(Schema union, Object value) {
    for (Schema branch : union.getTypes()) {
      boolean fits = switch (branch.getType()) {
        case BYTES, FIXED -> value instanceof BigDecimal && branch.getLogicalType() instanceof LogicalTypes.Decimal;
        case RECORD -> value instanceof IndexedRecord r && r.getSchema().getFullName().equals(branch.getFullName());
        case ARRAY -> value instanceof Collection<?>;
        case MAP -> value instanceof Map<?, ?>;
        default -> false;
      };
      if (fits) {
        return check(branch, value);
      }
    }
    return null;
  }

  private static Violation checkFields(Schema schema, IndexedRecord record) {
    for (Schema.Field field : schema.getFields()) {
      Violation violation = check(field.schema(), record.get(field.pos()));
      if (violation != null) {
        return violation.under("." + field.name());
      }
    }
    return null;
  }

  private static Violation checkAll(Schema element, Collection<?> values) {
    for (Object item : values) {
      Violation violation = check(element, item);
      if (violation != null) {
        return violation.under("[]");
      }
    }
    return null;
  }
}
