package org.poahub.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;

class AvroWireSerdeTest {

  private static final String TOPIC = "poa.bo-l.progress";
  private static final Map<String, Object> AUTO_REGISTER = Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final AvroWireSerializer<SpecificRecord> serializer = new AvroWireSerializer<>(registry, AUTO_REGISTER, false);
  private final AvroWireDeserializer<SpecificRecord> deserializer = new AvroWireDeserializer<>(registry, Map.of(), false);

  @Test
  void roundTripsAllThreeRecordsExactly() {
    ProgressReport progress = SampleRecords.progress();
    ExpenditureReport expenditure = SampleRecords.expenditure();
    ReportOutcome outcome = SampleRecords.outcome();

    assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, progress))).isEqualTo(progress);
    assertThat(deserializer.deserialize("poa.bo-s.expenditure", serializer.serialize("poa.bo-s.expenditure", expenditure)))
        .isEqualTo(expenditure);
    assertThat(deserializer.deserialize("poa.bo-l.outcomes", serializer.serialize("poa.bo-l.outcomes", outcome)))
        .isEqualTo(outcome);
  }

  @Test
  void keepsDecimalsUuidsDatesAndNullsExact() {
    ProgressReport read = (ProgressReport) deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, SampleRecords.progress()));
    assertThat(read.getAchievedValue()).isEqualByComparingTo("12345678901234.5678").hasScaleOf(4);
    assertThat(read.getPercentComplete()).isEqualTo(new BigDecimal("37.50"));
    assertThat(read.getMessageId()).hasToString("1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    assertThat(read.getPeriodEnd()).hasToString("2020-03-31");
    assertThat(read.getReportedAt().toEpochMilli()).isEqualTo(1585699200123L);
    assertThat(read.getCorrectsMessageId()).isNull();

    ExpenditureReport spent = (ExpenditureReport) deserializer.deserialize("poa.bo-s.expenditure",
        serializer.serialize("poa.bo-s.expenditure", SampleRecords.expenditure()));
    assertThat(spent.getAmount()).isEqualTo(new BigDecimal("-1234567890123.45"));
    assertThat(spent.getCurrency()).isEqualTo("BOB");
    assertThat(spent.getDescription()).isEmpty();
    assertThat(spent.getClientVersion()).isNull();
    assertThat(spent.getSpentOn()).hasToString("2020-02-29");
  }

  @Test
  void writesConfluentFrameWithTheRegisteredIdUnderTopicValueSubject() {
    registry.register("other-value", ReportOutcome.getClassSchema());
    byte[] bytes = serializer.serialize(TOPIC, SampleRecords.progress());

    int id = registry.lookup(TOPIC + "-value", ProgressReport.getClassSchema()).id();
    assertThat(id).isEqualTo(2);
    assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 2);
    assertThat(registry.subjects()).containsExactly("other-value", TOPIC + "-value");
  }

  @Test
  void keySerializerUsesTopicKeySubjectAndRecordNameStrategyIsAvailable() {
    new AvroWireSerializer<>(registry, AUTO_REGISTER, true).serialize(TOPIC, SampleRecords.progress());
    new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, true,
        SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy"), false)
        .serialize(TOPIC, SampleRecords.progress());
    assertThat(registry.subjects()).containsExactly(TOPIC + "-key", "org.poahub.contract.ProgressReport");
  }

  @Test
  void readsV1BytesIntoTheV2Class() throws IOException {
    Schema v1 = new Schema.Parser().parse(new File("src/main/avro-history/ProgressReport/v1.avsc"));
    int v1Id = registry.register(TOPIC + "-value", v1);
    GenericRecord old = new GenericData.Record(v1);
    ProgressReport sample = SampleRecords.progress();
    for (Schema.Field field : v1.getFields()) {
      Object value = sample.get(field.name());
      old.put(field.name(), toGeneric(field.schema(), value));
    }

    ProgressReport read = (ProgressReport) deserializer.deserialize(TOPIC, frame(v1Id, v1, old));

    assertThat(read.getClientVersion()).isNull();
    assertThat(read.getOperationCode()).isEqualTo("11.04.02");
    assertThat(read.getAchievedValue()).isEqualTo(sample.getAchievedValue());
    assertThat(read.getMessageId()).isEqualTo(sample.getMessageId());
  }

  @Test
  void withoutAutoRegisterLooksTheSchemaUpAndFailsPermanentlyWhenItIsNotRegistered() {
    AvroWireSerializer<ProgressReport> agent = new AvroWireSerializer<>(registry, Map.of(), false);
    assertThatThrownBy(() -> agent.serialize(TOPIC, SampleRecords.progress()))
        .isInstanceOf(SchemaNotFoundException.class)
        .hasMessageContaining("poa.bo-l.progress-value")
        .satisfies(e -> assertThat(((SerdeException) e).isTransient()).isFalse());

    int id = registry.register(TOPIC + "-value", ProgressReport.getClassSchema());
    assertThat(agent.serialize(TOPIC, SampleRecords.progress())[4]).isEqualTo((byte) id);
  }

  @Test
  void useLatestVersionTakesTheLatestIdOnlyWhenItIsTheLocalSchema() throws IOException {
    Schema v1 = new Schema.Parser().parse(new File("src/main/avro-history/ProgressReport/v1.avsc"));
    registry.register(TOPIC + "-value", v1);
    int v2Id = registry.register(TOPIC + "-value", ProgressReport.getClassSchema());
    AvroWireSerializer<ProgressReport> latest =
        new AvroWireSerializer<>(registry, Map.of(SerdeConfig.USE_LATEST_VERSION, "true"), false);
    assertThat(latest.serialize(TOPIC, SampleRecords.progress())[4]).isEqualTo((byte) v2Id);
  }

  @Test
  void wrongMagicByteIsPermanent() {
    byte[] payload = {1, 0, 0, 0, 1, 2, 3};
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
        .isInstanceOfSatisfying(BadMagicByteException.class, e -> {
          assertThat(e.found()).isEqualTo(1);
          assertThat(e.isTransient()).isFalse();
        })
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
        .hasMessageContaining("0x01 at offset 0").hasMessageContaining(TOPIC);
  }

  @Test
  void threeBytePayloadIsTruncatedHeader() {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0}))
        .isInstanceOfSatisfying(TruncatedPayloadException.class, e -> {
          assertThat(e.length()).isEqualTo(3);
          assertThat(e.schemaId()).isEqualTo(-1);
        })
        .hasMessageContaining("3 byte(s)");
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0])).isInstanceOf(TruncatedPayloadException.class);
  }

  @Test
  void unknownSchemaIdIsPermanent() {
    byte[] payload = {0, 0, 0, 0x30, 0x39, 2, 'x'};
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
          assertThat(e.schemaId()).isEqualTo(12345);
          assertThat(e.isTransient()).isFalse();
        })
        .hasMessageContaining("12345");
  }

  @Test
  void validHeaderWithTruncatedBodyIsTruncatedPayload() {
    byte[] full = serializer.serialize(TOPIC, SampleRecords.progress());
    byte[] cut = Arrays.copyOf(full, full.length - 10);
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, cut))
        .isInstanceOfSatisfying(TruncatedPayloadException.class, e -> {
          assertThat(e.schemaId()).isEqualTo(1);
          assertThat(e.length()).isEqualTo(cut.length);
        })
        .hasMessageContaining("schema id 1").hasMessageContaining("offset " + cut.length);
  }

  @Test
  void leftOverBytesAreCorrupt() {
    byte[] full = serializer.serialize(TOPIC, SampleRecords.progress());
    byte[] longer = Arrays.copyOf(full, full.length + 3);
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, longer))
        .isInstanceOfSatisfying(CorruptPayloadException.class, e -> assertThat(e.offset()).isEqualTo(full.length))
        .hasMessageContaining("3 byte(s) left over");
  }

  @Test
  void declaredStringLengthBeyondThePayloadIsCorrupt() {
    int id = registry.register(TOPIC + "-value", ProgressReport.getClassSchema());
    // messageId declares a length of about 1.9 GB (a 5-byte zig-zag varint)
    byte[] payload = {0, 0, 0, 0, (byte) id, (byte) 0x80, (byte) 0xa8, (byte) 0xd6, (byte) 0xb9, 0x0e, 'a'};
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload))
        .isInstanceOf(CorruptPayloadException.class)
        .hasMessageContaining("is impossible in a payload of 11 bytes");
  }

  @Test
  void anAmountWithMoreDigitsThanTheContractAllowsIsCorruptNotStored() throws IOException {
    int id = registry.register("poa.bo-s.expenditure-value", ExpenditureReport.getClassSchema());
    // A foreign writer whose schema says precision 38: same bytes on the wire, 16 digits where the contract has 15.
    Schema loose = new Schema.Parser().parse(
        ExpenditureReport.getClassSchema().toString().replace("\"precision\":15", "\"precision\":38"));
    ExpenditureReport valid = SampleRecords.expenditure();
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
    model.addLogicalTypeConversion(new org.apache.avro.Conversions.UUIDConversion());
    GenericRecord tooLong = new GenericData.Record(loose);
    for (Schema.Field field : loose.getFields()) {
      tooLong.put(field.name(), valid.get(field.name()));
    }
    tooLong.put("amount", new BigDecimal("1234567890123456.78"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, 0, 0, 0, (byte) id});
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(loose, model).write(tooLong, encoder);
    encoder.flush();

    assertThatThrownBy(() -> deserializer.deserialize("poa.bo-s.expenditure", out.toByteArray()))
        .isInstanceOf(CorruptPayloadException.class)
        .hasMessageContaining("ExpenditureReport.amount has 18 digits, the schema allows 15");
  }

  @Test
  void badUnionIndexIsCorrupt() {
    Schema schema = ReportOutcome.getClassSchema();
    int id = registry.register("poa.bo-l.outcomes-value", schema);
    // uuid "a", region "b", enum index 0, enum index 9 (only 3 symbols)
    byte[] payload = {0, 0, 0, 0, (byte) id, 2, 'a', 2, 'b', 0, 18, 0, 0};
    assertThatThrownBy(() -> deserializer.deserialize("poa.bo-l.outcomes", payload))
        .isInstanceOf(CorruptPayloadException.class)
        .hasMessageContaining("schema id " + id);
  }

  @Test
  void randomBytesAfterAValidHeaderNeverEscapeTheTypedErrors() {
    int id = registry.register(TOPIC + "-value", ProgressReport.getClassSchema());
    Random random = new Random(20201);
    for (int i = 0; i < 2_000; i++) {
      byte[] payload = new byte[5 + random.nextInt(120)];
      random.nextBytes(payload);
      payload[0] = 0;
      ByteBuffer.wrap(payload, 1, 4).putInt(id);
      try {
        deserializer.deserialize(TOPIC, payload);
      } catch (SerdeException e) {
        assertThat(e.isTransient()).isFalse();
      }
    }
  }

  @Test
  void fullyRandomPayloadsAreRejectedPermanently() {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      byte[] payload = new byte[random.nextInt(64)];
      random.nextBytes(payload);
      assertThatThrownBy(() -> deserializer.deserialize(TOPIC, payload)).isInstanceOf(PermanentSerdeException.class);
    }
  }

  @Test
  void recordThatCannotBeEncodedIsInvalidRecord() {
    ProgressReport wrongScale = SampleRecords.progress();
    wrongScale.setPercentComplete(new BigDecimal("37.501"));
    assertThatThrownBy(() -> serializer.serialize(TOPIC, wrongScale))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("ProgressReport for topic " + TOPIC);
    ProgressReport missing = SampleRecords.progress();
    missing.setAgentId(null);
    assertThatThrownBy(() -> serializer.serialize(TOPIC, missing)).isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void writerOfAnotherRecordCannotBeReadIntoTheConfiguredType() {
    byte[] outcome = serializer.serialize("poa.bo-l.outcomes", SampleRecords.outcome());
    AvroWireDeserializer<ProgressReport> progressOnly = new AvroWireDeserializer<>(registry,
        Map.of(SerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, ProgressReport.class.getName()), false);
    assertThatThrownBy(() -> progressOnly.deserialize("poa.bo-l.outcomes", outcome))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.schemaId()).isEqualTo(1))
        .hasMessageContaining("cannot be read as org.poahub.contract.ProgressReport");
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer.serialize(TOPIC, null)).isNull();
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }

  static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    GenericData model = new GenericData();
    model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new org.apache.avro.Conversions.UUIDConversion());
    model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
    new GenericDatumWriter<GenericRecord>(schema, model).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static Object toGeneric(Schema schema, Object value) {
    return value instanceof List<?> list ? new GenericData.Array<>(schema, list) : value;
  }
}
