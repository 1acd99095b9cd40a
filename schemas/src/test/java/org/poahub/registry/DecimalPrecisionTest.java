package org.poahub.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class DecimalPrecisionTest {

  private static final Schema BUDGET = new Schema.Parser().parse("""
      {"type": "record", "name": "Budget", "fields": [
        {"name": "code", "type": "string"},
        {"name": "total", "type": ["null", {"type": "bytes", "logicalType": "decimal", "precision": 7, "scale": 2}]},
        {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
          {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 5, "scale": 2}}]}}},
        {"name": "byColumn", "type": {"type": "map", "values": "Line"}}]}""");
  private static final Schema LINE = BUDGET.getField("lines").schema().getElementType();

  @Test
  void aRecordWithinItsPrecisionsHasNoViolation() {
    assertThat(DecimalPrecision.firstViolation(BUDGET, budget("12345.67", "999.99", "0.01"))).isNull();
  }

  @Test
  void namesTheFieldOfADecimalInAUnionOverItsPrecision() {
    assertThat(DecimalPrecision.firstViolation(BUDGET, budget("123456.78", "1.00", "1.00")))
        .isEqualTo("Budget.total has 8 digits, the schema allows 7");
  }

  @Test
  void namesThePathThroughAnArrayToTheDecimalOverItsPrecision() {
    assertThat(DecimalPrecision.firstViolation(BUDGET, budget("1.00", "1000.00", "1.00")))
        .isEqualTo("Budget.lines[].amount has 6 digits, the schema allows 5");
  }

  @Test
  void namesThePathThroughAMapToTheDecimalOverItsPrecision() {
    assertThat(DecimalPrecision.firstViolation(BUDGET, budget(null, "1.00", "1000.00")))
        .isEqualTo("Budget.byColumn[].amount has 6 digits, the schema allows 5");
  }

  private static GenericRecord budget(String total, String line, String column) {
    GenericRecord record = new GenericData.Record(BUDGET);
    record.put("code", "11.04.02");
    record.put("total", total == null ? null : new BigDecimal(total));
    record.put("lines", List.of(line(line)));
    record.put("byColumn", Map.of("41-111", line(column)));
    return record;
  }

  private static GenericRecord line(String amount) {
    GenericRecord record = new GenericData.Record(LINE);
    record.put("amount", new BigDecimal(amount));
    return record;
  }
}
