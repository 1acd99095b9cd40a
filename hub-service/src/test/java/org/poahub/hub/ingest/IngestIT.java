package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.OutcomeStatus;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.hub.RealServers;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.routes.ingest.BeforeOffsetCommit;
import org.poahub.routes.ingest.DeadLetterRoute.DeadLetterHeaders;
import org.poahub.routes.ingest.IngestRejectionCodes;
import org.poahub.routes.ingest.ReportIngestRoute;
import org.poahub.rules.RuleCodes;
import org.poahub.testkit.TestKafka;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest flows against the real broker, the hub's own embedded schema registry (served on the hub's port) and a
 * real PostgreSQL database holding the seeded SENAVEX 2020 plan. Each test uses its own region, operation or message ids, so they share one hub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IngestIT {

    private static final int PORT = RealServers.freePort();
    private static final String WRITER = "hub";
    private static final String WRITER_PASSWORD = UUID.randomUUID().toString();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.registerWithIngest(registry, PORT, RealServers.freshGroup(), WRITER, WRITER_PASSWORD);
    }

    /** Simulates a crash after the database commit and before the offset commit, once, for one message id. */
    static final class CrashSwitch implements BeforeOffsetCommit {
        final AtomicReference<UUID> armedFor = new AtomicReference<>();
        final AtomicInteger crashes = new AtomicInteger();

        @Override
        public void run(org.poahub.routes.ingest.IngestBatchResult result) {
            UUID target = armedFor.get();
            if (target != null && result.outcomes().stream().anyMatch(o -> o.outcome().getMessageId().equals(target))
                    && armedFor.compareAndSet(target, null)) {
                crashes.incrementAndGet();
                throw new IllegalStateException("Simulated crash before the offset commit");
            }
        }
    }

    @TestConfiguration
    static class CrashConfiguration {
        @Bean
        CrashSwitch crashSwitch() {
            return new CrashSwitch();
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CamelContext camel;

    @Autowired
    CrashSwitch crashSwitch;

    private static SchemaRegistryClient registry;
    private static KafkaProducer<String, byte[]> producer;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void theIngestConsumersLetTheBrokerGatherRecordsBeforeAnsweringAFetch() {
        var endpoint = (org.apache.camel.component.kafka.KafkaEndpoint) camel.getRoute(ReportIngestRoute.ROUTE_ID)
                .getEndpoint();
        // the defaults of poa.ingest.fetch-min-bytes and fetch-max-wait-ms (docs/benchmarks.md, "Latency")
        assertThat(endpoint.getConfiguration().getFetchMinBytes()).isEqualTo(65_536);
        assertThat(endpoint.getConfiguration().getFetchWaitMaxMs()).isEqualTo(25);
        assertThat(endpoint.getConfiguration().getBatchingIntervalMs()).isEqualTo(50);
    }

    @Test
    void acceptedProgressAndExpenditureReachTheTablesAndTheConsolidatedFigures() {
        ProgressReport progress = progress("BO-L", "11.04.02", "agent-lp", 1, "1.0000");
        ExpenditureReport expenditure = expenditure("BO-L", "11.04.02", "agent-lp", 2, "25220", "1500.50");

        send(Topics.progress("BO-L"), progress);
        send(Topics.expenditure("BO-L"), expenditure);

        ReportOutcome progressOutcome = awaitOutcome("BO-L", progress.getMessageId());
        ReportOutcome expenditureOutcome = awaitOutcome("BO-L", expenditure.getMessageId());
        assertThat(progressOutcome.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(expenditureOutcome.getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(reportStatus(progress.getMessageId())).isEqualTo("ACCEPTED");
        assertThat(reportStatus(expenditure.getMessageId())).isEqualTo("ACCEPTED");
        assertThat(cumulativeProgress("BO-L", "11.04.02")).isEqualByComparingTo("1");
        assertThat(spent("BO-L", "11.04.02", "20000")).isEqualByComparingTo("1500.50");
        assertThat(jdbc.sql("select highest_contiguous_sequence from agent_sync where agent_id = 'agent-lp'")
                .query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aReportOnAnUnknownOperationIsRejectedWithTheSpanishFindingADeadLetterAndARow() {
        ProgressReport report = progress("BO-O", "99.99.99", "agent-or", 1, "1.0000");
        byte[] payload = send(Topics.progress("BO-O"), report);

        ReportOutcome outcome = awaitOutcome("BO-O", report.getMessageId());
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.getFindings()).anySatisfy(f -> {
            assertThat(f.getCode()).isEqualTo(RuleCodes.OPERATION_UNKNOWN);
            assertThat(f.getMessage()).isEqualTo("La operación '99.99.99' no existe en el POA de la gestión 2020.");
        });
        ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(r -> report.getMessageId().toString()
                .equals(header(r, DeadLetterHeaders.MESSAGE_ID)));
        assertThat(deadLetter.value()).isEqualTo(payload);
        assertThat(header(deadLetter, DeadLetterHeaders.CODE)).isEqualTo(RuleCodes.OPERATION_UNKNOWN);
        assertThat(header(deadLetter, DeadLetterHeaders.ROUTE)).isEqualTo(ReportIngestRoute.ROUTE_ID);
        Map<String, Object> row = jdbc.sql("select code, field, message, region_code, raw_payload from rejected_report where message_id = ?")
                .param(report.getMessageId()).query().singleRow();
        assertThat(row).containsEntry("code", RuleCodes.OPERATION_UNKNOWN).containsEntry("field", "operationCode")
                .containsEntry("region_code", "BO-O");
        assertThat((byte[]) row.get("raw_payload")).isEqualTo(payload);
        assertThat(jdbc.sql("select count(*) from consolidated_progress where region_code = 'BO-O'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void theSameReportDeliveredTwiceAndResentIsCountedOnceAndGetsTheSameOutcome() {
        ExpenditureReport report = expenditure("BO-C", "11.04.02", "agent-cb", 1, "31110", "250.00");

        send(Topics.expenditure("BO-C"), report);
        send(Topics.expenditure("BO-C"), report);
        send(Topics.expenditure("BO-C"), report);

        // At least one outcome per delivery: a batch redelivered after a rebalance (the crash test restarts the
        // route, and its consumers rejoin the group one by one) sends its stored outcomes once more.
        await().atMost(WAIT).until(() -> outcomes("BO-C", report.getMessageId()).size() >= 3);
        assertThat(outcomes("BO-C", report.getMessageId())).extracting(ReportOutcome::getStatus)
                .containsOnly(OutcomeStatus.ACCEPTED);
        assertThat(outcomes("BO-C", report.getMessageId())).extracting(ReportOutcome::getProcessedAt)
                .as("the stored outcome is sent again")
                .containsOnly(outcomes("BO-C", report.getMessageId()).get(0).getProcessedAt());
        assertThat(spent("BO-C", "11.04.02", "30000")).isEqualByComparingTo("250.00");
        assertThat(jdbc.sql("select reports from consolidated_spend where region_code = 'BO-C'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void randomBytesAndATruncatedPayloadGoToTheDeadLetterTopicAndTheRouteKeepsConsuming() {
        byte[] random = new byte[64];
        new Random(42).nextBytes(random);
        random[0] = 7;
        byte[] complete = serializer().serialize(Topics.progress("BO-S"), progress("BO-S", "11.04.02", "agent-sc", 1, "1.0000"));
        byte[] truncated = Arrays.copyOf(complete, complete.length - 10);
        ProgressReport valid = progress("BO-S", "11.04.02", "agent-sc", 2, "2.0000");

        long randomOffset = sendRaw(Topics.progress("BO-S"), random);
        long truncatedOffset = sendRaw(Topics.progress("BO-S"), truncated);
        send(Topics.progress("BO-S"), valid);

        assertThat(awaitOutcome("BO-S", valid.getMessageId()).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        for (var expected : List.of(Map.entry(randomOffset, random), Map.entry(truncatedOffset, truncated))) {
            ConsumerRecord<byte[], byte[]> deadLetter = awaitDeadLetter(r ->
                    Topics.progress("BO-S").equals(header(r, DeadLetterHeaders.SOURCE_TOPIC))
                            && String.valueOf(expected.getKey()).equals(header(r, DeadLetterHeaders.SOURCE_OFFSET)));
            assertThat(deadLetter.value()).isEqualTo(expected.getValue());
            assertThat(header(deadLetter, DeadLetterHeaders.CODE)).isEqualTo(IngestRejectionCodes.UNDECODABLE);
            assertThat(header(deadLetter, DeadLetterHeaders.MESSAGE)).startsWith("El contenido del mensaje no se puede leer");
        }
        assertThat(jdbc.sql("select count(*) from rejected_report where topic = ? and code = ?")
                .params(Topics.progress("BO-S"), IngestRejectionCodes.UNDECODABLE).query(Long.class).single())
                .isEqualTo(2L);
        assertThat(cumulativeProgress("BO-S", "11.04.02")).isEqualByComparingTo("2");
    }

    @Test
    void aReportWrittenWithTheOlderSchemaIsAccepted() throws IOException {
        Schema v1 = new Schema.Parser().parse(Path.of("../schemas/src/main/avro-history/ProgressReport/v1.avsc").toFile());
        ProgressReport report = progress("BO-T", "11.04.02", "agent-tj", 1, "3.0000");
        int v1Id = registry().register(Topics.progress("BO-T") + "-value", v1);

        sendRaw(Topics.progress("BO-T"), writeWith(v1, v1Id, report));

        assertThat(awaitOutcome("BO-T", report.getMessageId()).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);
        assertThat(jdbc.sql("select schema_id from report where message_id = ?").param(report.getMessageId())
                .query(Integer.class).single()).isEqualTo(v1Id);
        assertThat(cumulativeProgress("BO-T", "11.04.02")).isEqualByComparingTo("3");
    }

    @Test
    void aCrashAfterTheDatabaseCommitAndBeforeTheOffsetCommitLeavesTheTotalsUnchangedAfterRedelivery() throws Exception {
        ExpenditureReport report = expenditure("BO-P", "11.04.02", "agent-pt", 1, "43110", "999.99");
        crashSwitch.armedFor.set(report.getMessageId());

        send(Topics.expenditure("BO-P"), report);
        await().atMost(WAIT).until(() -> crashSwitch.crashes.get() == 1);
        // The crashed consumer is stopped and a new one starts from the last committed offset.
        camel.getRouteController().stopRoute(ReportIngestRoute.ROUTE_ID);
        camel.getRouteController().startRoute(ReportIngestRoute.ROUTE_ID);

        await().atMost(WAIT).until(() -> outcomes("BO-P", report.getMessageId()).size() >= 2);
        assertThat(outcomes("BO-P", report.getMessageId())).extracting(ReportOutcome::getStatus)
                .containsOnly(OutcomeStatus.ACCEPTED);
        assertThat(spent("BO-P", "11.04.02", "40000")).isEqualByComparingTo("999.99");
        assertThat(jdbc.sql("select count(*) from report where message_id = ?").param(report.getMessageId())
                .query(Long.class).single()).isEqualTo(1L);
    }

    // ---- reports ----------------------------------------------------------------------------------------------

    private static ProgressReport progress(String region, String operation, String agent, long sequence, String achieved) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode(operation)
                .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
                .setReportedAt(Instant.now()).setAchievedValue(new BigDecimal(achieved))
                .setPercentComplete(null).setReporter("Responsable regional").setCorrectsMessageId(null)
                .setClientVersion("test")
                .build();
    }

    private static ExpenditureReport expenditure(String region, String operation, String agent, long sequence,
                                                 String objectCode, String amount) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode(operation).setObjectCode(objectCode)
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-" + sequence).setReportedAt(Instant.now()).setReversesMessageId(null)
                .setClientVersion("test")
                .build();
    }

    // ---- Kafka and registry -------------------------------------------------------------------------------

    private static synchronized SchemaRegistryClient registry() {
        if (registry == null) {
            registry = new RestSchemaRegistryClient(
                    RegistryClientConfig.of("http://localhost:" + PORT, WRITER + ":" + WRITER_PASSWORD));
        }
        return registry;
    }

    private static AvroWireSerializer<SpecificRecord> serializer() {
        return new AvroWireSerializer<>(registry(), Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(TestKafka.adminClientProperties(),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static byte[] send(String topic, SpecificRecord report) {
        byte[] payload = serializer().serialize(topic, report);
        sendRaw(topic, payload);
        return payload;
    }

    private static long sendRaw(String topic, byte[] payload) {
        try {
            return producer().send(new ProducerRecord<>(topic, topic, payload)).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    /** The Confluent wire format written with an older writer schema, as an agent on that version would. */
    private static byte[] writeWith(Schema writer, int schemaId, SpecificRecord report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(writer, SpecificData.getForClass(report.getClass())).write(report, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static List<ReportOutcome> outcomes(String region, UUID messageId) {
        AvroWireDeserializer<ReportOutcome> deserializer = new AvroWireDeserializer<>(registry(), Map.of(), false);
        return TestKafka.readAll(Topics.outcomes(region)).stream()
                .map(r -> deserializer.deserialize(r.topic(), r.value()))
                .filter(o -> o.getMessageId().equals(messageId)).toList();
    }

    private static ReportOutcome awaitOutcome(String region, UUID messageId) {
        return await().atMost(WAIT).until(() -> outcomes(region, messageId), list -> !list.isEmpty()).get(0);
    }

    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which) {
        return await().atMost(WAIT).until(() -> TestKafka.readAll(Topics.DLQ).stream().filter(which).findFirst(),
                java.util.Optional::isPresent).get();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    // ---- database -----------------------------------------------------------------------------------------

    private String reportStatus(UUID messageId) {
        return jdbc.sql("select status from report where message_id = ?").param(messageId).query(String.class).single();
    }

    private BigDecimal cumulativeProgress(String region, String operation) {
        return jdbc.sql("select cumulative_value from consolidated_progress where fiscal_year = 2020 and region_code = ? and operation_code = ?")
                .params(region, operation).query(BigDecimal.class).single();
    }

    private BigDecimal spent(String region, String operation, String group) {
        return jdbc.sql("""
                select sum(spent) from consolidated_spend
                where fiscal_year = 2020 and region_code = ? and operation_code = ? and object_group = ?""")
                .params(region, operation, group).query(BigDecimal.class).single();
    }
}
