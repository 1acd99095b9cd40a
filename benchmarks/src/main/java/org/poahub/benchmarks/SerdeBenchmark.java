package org.poahub.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.Finding;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportKind;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Severity;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.InMemorySchemaRegistryClient;
import org.poahub.registry.SerdeConfig;

/**
 * The project's Confluent-wire serde against plain Avro ({@link SpecificDatumWriter} / {@link SpecificDatumReader}
 * with a reused {@link BinaryEncoder}, {@link BinaryDecoder} and output stream) on the same records.
 * Schema ids come from an in-process registry and are cached after the first call, as in production.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBenchmark {

  @Param({"ProgressReport", "ExpenditureReport", "ReportOutcome"})
  public String recordType;

  private String topic;
  private SpecificRecord record;
  private AvroWireSerializer<SpecificRecord> serializer;
  private AvroWireDeserializer<SpecificRecord> deserializer;
  private byte[] wireBytes;

  private SpecificDatumWriter<SpecificRecord> plainWriter;
  private SpecificDatumReader<SpecificRecord> plainReader;
  private ByteArrayOutputStream plainOut;
  private BinaryEncoder plainEncoder;
  private BinaryDecoder plainDecoder;
  private byte[] plainBytes;

  @Setup
  public void setUp() throws IOException {
    switch (recordType) {
      case "ProgressReport" -> {
        topic = Topics.progress("BO-L");
        record = progress();
      }
      case "ExpenditureReport" -> {
        topic = Topics.expenditure("BO-L");
        record = expenditure();
      }
      default -> {
        topic = Topics.outcomes("BO-L");
        record = outcome();
      }
    }
    InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    serializer = new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, true), false);
    deserializer = new AvroWireDeserializer<>(registry, Map.of(), false);
    wireBytes = serializer.serialize(topic, record);
    if (!record.equals(deserializer.deserialize(topic, wireBytes))) {
      throw new IllegalStateException("serde round trip differs");
    }

    Schema schema = record.getSchema();
    SpecificData model = SpecificData.getForClass(record.getClass());
    plainWriter = new SpecificDatumWriter<>(schema, model);
    plainReader = new SpecificDatumReader<>(schema, schema, model);
    plainOut = new ByteArrayOutputStream(512);
    plainBytes = plainSerialize();
    if (!record.equals(plainDeserialize())) {
      throw new IllegalStateException("plain Avro round trip differs");
    }
  }

  @Benchmark
  public byte[] serdeSerialize() {
    return serializer.serialize(topic, record);
  }

  @Benchmark
  public byte[] plainSerialize() throws IOException {
    plainOut.reset();
    plainEncoder = EncoderFactory.get().binaryEncoder(plainOut, plainEncoder);
    plainWriter.write(record, plainEncoder);
    plainEncoder.flush();
    return plainOut.toByteArray();
  }

  @Benchmark
  public Object serdeDeserialize() {
    return deserializer.deserialize(topic, wireBytes);
  }

  @Benchmark
  public Object plainDeserialize() throws IOException {
    plainDecoder = DecoderFactory.get().binaryDecoder(plainBytes, plainDecoder);
    return plainReader.read(null, plainDecoder);
  }

  static ProgressReport progress() {
    return ProgressReport.newBuilder()
        .setMessageId(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
        .setAgentId("agent-bo-l-01").setRegionCode("BO-L").setSequence(42).setFiscalYear(2020)
        .setOperationCode("11.04.02")
        .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
        .setReportedAt(Instant.ofEpochMilli(1585699200123L))
        .setAchievedValue(new BigDecimal("1250.0000")).setPercentComplete(new BigDecimal("37.50"))
        .setNarrative("Se emitieron certificados de origen en El Alto y Desaguadero")
        .setEvidence(List.of("INF/SENAVEX/LP/012/2020", "ACTA 3/2020"))
        .setReporter("María Quispe Mamani").setCorrectsMessageId(null).setClientVersion("1.4.0")
        .build();
  }

  static ExpenditureReport expenditure() {
    return ExpenditureReport.newBuilder()
        .setMessageId(UUID.fromString("9f0c1a52-7d3e-4b8e-a1f2-3c4d5e6f7a8b"))
        .setAgentId("agent-bo-l-01").setRegionCode("BO-L").setSequence(7).setFiscalYear(2020)
        .setOperationCode("11.04.02").setObjectCode("25220").setFundingSource("41-111")
        .setAmount(new BigDecimal("15340.50")).setSpentOn(LocalDate.of(2020, 2, 28))
        .setDocumentNumber("C-31/2020").setDescription("Pasajes y viáticos, inspección en Desaguadero")
        .setReportedAt(Instant.ofEpochMilli(1583020800000L)).setClientVersion("1.4.0")
        .build();
  }

  static ReportOutcome outcome() {
    return ReportOutcome.newBuilder()
        .setMessageId(UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
        .setRegionCode("BO-L").setReportKind(ReportKind.PROGRESS).setStatus(OutcomeStatus.ACCEPTED_WITH_WARNINGS)
        .setFindings(List.of(Finding.newBuilder().setCode("PERIOD_LATE").setSeverity(Severity.WARNING)
            .setField("periodEnd").setMessage("El informe llegó después del cierre del mes").build()))
        .setProcessedAt(Instant.ofEpochMilli(1585699300000L))
        .build();
  }
}
