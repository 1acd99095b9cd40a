package org.poahub.hub.ingest;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.AvroWireSerializer;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.registry.SchemaRegistryClient;
import org.poahub.registry.SerdeConfig;
import org.poahub.testkit.TestKafka;

/**
 * What an agent does against a real hub in the ingest tests: writes reports with the hub's registry to a real
 * broker, and reads the outcomes and dead letters back. Reports default to SENAVEX 2020 operation 11.04.02.
 */
final class IngestTestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(90);

    private final String bootstrapServers;
    private final SchemaRegistryClient registry;
    private final AvroWireSerializer<SpecificRecord> serializer;
    private final AvroWireDeserializer<ReportOutcome> outcomeReader;
    private final AvroWireDeserializer<SpecificRecord> reportReader;
    private KafkaProducer<String, byte[]> producer;

    /** @param registryUrl the hub's registry; {@code userInfo} a user with role ESQUEMAS */
    IngestTestClient(String bootstrapServers, String registryUrl, String userInfo) {
        this.bootstrapServers = bootstrapServers;
        this.registry = new RestSchemaRegistryClient(RegistryClientConfig.of(registryUrl, userInfo));
        this.serializer = new AvroWireSerializer<>(registry, Map.of(SerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false);
        this.outcomeReader = new AvroWireDeserializer<>(registry, Map.of(), false);
        this.reportReader = new AvroWireDeserializer<>(registry, Map.of(), false);
    }

    IngestTestClient(String registryUrl, String userInfo) {
        this(TestKafka.bootstrapServers(), registryUrl, userInfo);
    }

    // ---- reports --------------------------------------------------------------------------------------------

    static ProgressReport.Builder progress(String region, String agent, long sequence, String achieved) {
        return ProgressReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02")
                .setPeriodStart(LocalDate.of(2020, 3, 1)).setPeriodEnd(LocalDate.of(2020, 3, 31))
                .setReportedAt(Instant.now()).setAchievedValue(new BigDecimal(achieved))
                .setPercentComplete(null).setReporter("Responsable regional").setCorrectsMessageId(null)
                .setClientVersion("test");
    }

    static ExpenditureReport.Builder expenditure(String region, String agent, long sequence, String objectCode,
                                                 String amount) {
        return ExpenditureReport.newBuilder()
                .setMessageId(UUID.randomUUID()).setAgentId(agent).setRegionCode(region).setSequence(sequence)
                .setFiscalYear(2020).setOperationCode("11.04.02").setObjectCode(objectCode)
                .setFundingSource("Columna 1").setAmount(new BigDecimal(amount)).setSpentOn(LocalDate.of(2020, 3, 15))
                .setDocumentNumber("C-" + sequence).setReportedAt(Instant.now()).setReversesMessageId(null)
                .setClientVersion("test");
    }

    /** The regional topic the report belongs on, by its own region. */
    static String topicOf(SpecificRecord report) {
        return report instanceof ProgressReport p ? Topics.progress(p.getRegionCode())
                : Topics.expenditure(((ExpenditureReport) report).getRegionCode());
    }

    static UUID messageId(SpecificRecord report) {
        return report instanceof ProgressReport p ? p.getMessageId() : ((ExpenditureReport) report).getMessageId();
    }

    // ---- sending ----------------------------------------------------------------------------------------------

    byte[] send(SpecificRecord report) {
        return send(topicOf(report), report);
    }

    /** Sends the report's bytes, keyed by topic (one partition per topic, so in order); returns the bytes. */
    byte[] send(String topic, SpecificRecord report) {
        byte[] payload = serializer.serialize(topic, report);
        sendRaw(topic, payload);
        return payload;
    }

    /** Sends the report's bytes to one partition of its topic. */
    byte[] send(SpecificRecord report, int partition) {
        String topic = topicOf(report);
        byte[] payload = serializer.serialize(topic, report);
        try {
            producer().send(new ProducerRecord<>(topic, partition, topic, payload)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic + "-" + partition, e);
        }
        return payload;
    }

    /** The report's Confluent-wire bytes for {@code topic}, as an agent would send them. */
    byte[] encode(String topic, SpecificRecord report) {
        return serializer.serialize(topic, report);
    }

    /** Sends bytes without waiting; the future gives the record's partition and offset. */
    java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> sendAsync(String topic, String key,
                                                                                          byte[] payload) {
        return producer().send(new ProducerRecord<>(topic, key, payload));
    }

    /** Whether the producer's metadata names a leader for every partition of these topics. */
    boolean leadersKnown(java.util.Collection<String> topics) {
        return topics.stream().allMatch(topic -> producer().partitionsFor(topic).stream()
                .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
    }

    long sendRaw(String topic, byte[] payload) {
        try {
            return producer().send(new ProducerRecord<>(topic, topic, payload)).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new java.util.HashMap<>(TestKafka.clientProperties(bootstrapServers));
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    // ---- reading back --------------------------------------------------------------------------------------

    /** The message id of a report's bytes, or null when they do not decode. */
    UUID messageIdOf(String topic, byte[] payload) {
        try {
            return messageId(reportReader.deserialize(topic, payload));
        } catch (org.poahub.registry.SerdeException undecodable) {
            return null;
        }
    }

    /** Every outcome on the region's topic: for a broker of the test's own. */
    List<ReportOutcome> outcomes(String region) {
        return TestKafka.readAll(bootstrapServers, Topics.outcomes(region)).stream()
                .map(r -> outcomeReader.deserialize(r.topic(), r.value())).toList();
    }

    /**
     * The outcomes of one report, picked by their key (the message id) before decoding: on the shared test broker
     * the topic also holds other hubs' outcomes, written with schema ids of their own registries.
     */
    List<ReportOutcome> outcomes(String region, UUID messageId) {
        byte[] key = messageId.toString().getBytes(StandardCharsets.UTF_8);
        return TestKafka.readAll(bootstrapServers, Topics.outcomes(region)).stream()
                .filter(r -> java.util.Arrays.equals(r.key(), key))
                .map(r -> outcomeReader.deserialize(r.topic(), r.value())).toList();
    }

    ReportOutcome awaitOutcome(String region, UUID messageId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> outcomes(region, messageId), list -> !list.isEmpty()).get(0);
    }

    /** The outcome of a report sent on its own region's topic. */
    ReportOutcome awaitOutcome(SpecificRecord report) {
        String region = report instanceof ProgressReport p ? p.getRegionCode() : ((ExpenditureReport) report).getRegionCode();
        return awaitOutcome(region, messageId(report));
    }

    ReportOutcome awaitOutcomeAfterSending(SpecificRecord report) {
        send(report);
        return awaitOutcome(report);
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return TestKafka.readAll(bootstrapServers, Topics.DLQ);
    }

    ConsumerRecord<byte[], byte[]> awaitDeadLetter(Predicate<ConsumerRecord<byte[], byte[]>> which) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> deadLetters().stream().filter(which).findFirst(), Optional::isPresent)
                .get();
    }

    ConsumerRecord<byte[], byte[]> awaitDeadLetter(UUID messageId) {
        return awaitDeadLetter(r -> messageId.toString().equals(header(r, "poa-message-id")));
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
