package org.poahub.registry;

import java.math.BigDecimal;
import java.util.Collection;
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
    return check(schema, value, schema.getName());
  }

  private static String check(Schema schema, Object value, String path) {
    if (value == null) {
      return null;
    }
    LogicalType logical = schema.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal && value instanceof BigDecimal number) {
      return number.precision() > decimal.getPrecision()
          ? path + " has " + number.precision() + " digits, the schema allows " + decimal.getPrecision()
          : null;
    }
    return switch (schema.getType()) {
      case RECORD -> checkFields(schema, (IndexedRecord) value, path);
      case UNION -> checkBranch(schema, value, path);
      case ARRAY -> checkAll(schema.getElementType(), (Collection<?>) value, path);
      case MAP -> checkAll(schema.getValueType(), ((Map<?, ?>) value).values(), path);
      default -> null;
    };
  }

  /** Only decimals, records, arrays and maps can hold a decimal: the branch is the one of that shape. */
  private static String checkBranch(Schema union, Object value, String path) {
    for (Schema branch : union.getTypes()) {
      boolean fits = switch (branch.getType()) {
        case BYTES, FIXED -> value instanceof BigDecimal && branch.getLogicalType() instanceof LogicalTypes.Decimal;
        case RECORD -> value instanceof IndexedRecord r && r.getSchema().getFullName().equals(branch.getFullName());
        case ARRAY -> value instanceof Collection<?>;
        case MAP -> value instanceof Map<?, ?>;
        default -> false;
      };
      if (fits) {
        return check(branch, value, path);
      }
    }
    return null;
  }

  private static String checkFields(Schema schema, IndexedRecord record, String path) {
    for (Schema.Field field : schema.getFields()) {
      String violation = check(field.schema(), record.get(field.pos()), path + "." + field.name());
      if (violation != null) {
        return violation;
      }
    }
    return null;
  }

  private static String checkAll(Schema element, Collection<?> values, String path) {
    for (Object item : values) {
      String violation = check(element, item, path + "[]");
      if (violation != null) {
        return violation;
      }
    }
    return null;
  }
}
