package org.poahub.benchmarks.ingest;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.CachedSchemaRegistryClient;
import org.poahub.registry.RegistryClientConfig;
import org.poahub.registry.RestSchemaRegistryClient;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestKafka;

/**
 * The least an ingest can do, for comparison: a plain {@link KafkaConsumer}, the project's Avro deserializer, one
 * JDBC batch insert per poll of the {@code report} and {@code report_outcome} rows the hub writes (same columns, no
 * validation, every report accepted), one database commit and one synchronous offset commit per poll.
 */
public final class BaselineConsumer implements Runnable {

    private static final String INSERT_REPORT = """
            insert into report (message_id, kind, status, region_code, agent_id, sequence, fiscal_year,
                operation_code, achieved_value, percent_complete, period_start, period_end, corrects_message_id,
                object_code, funding_source, amount, spent_on, document_number, reverses_message_id,
                reported_at, raw_payload, schema_id, topic, kafka_partition, kafka_offset)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (message_id) do nothing""";
    private static final String INSERT_OUTCOME = """
            insert into report_outcome (message_id, region_code, kind, status, findings, processed_at)
            values (?, ?, ?, 'ACCEPTED', '[]'::jsonb, ?) on conflict (message_id) do nothing""";

    private final Map<String, Object> kafka;
    private final List<String> topics;
    private final String groupId;
    private final int maxPollRecords;
    private final TestDatabase database;
    private final AvroWireDeserializer<SpecificRecord> deserializer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile Exception failure;

    BaselineConsumer(String bootstrapServers, List<String> topics, int maxPollRecords, TestDatabase database,
                     String registryUrl, String registryUserInfo) {
        this(Map.copyOf(TestKafka.clientProperties(bootstrapServers)), "bench-baseline-" + UUID.randomUUID(), topics,
                maxPollRecords, database, registryUrl, registryUserInfo);
    }

    BaselineConsumer(Map<String, Object> kafka, String groupId, List<String> topics, int maxPollRecords,
                             TestDatabase database, String registryUrl, String registryUserInfo) {
        this.kafka = kafka;
        this.groupId = groupId;
        this.topics = topics;
        this.maxPollRecords = maxPollRecords;
        this.database = database;
        this.deserializer = new AvroWireDeserializer<>(new CachedSchemaRegistryClient(new RestSchemaRegistryClient(
                RegistryClientConfig.of(registryUrl, registryUserInfo))), Map.of(), false);
    }

    /**
     * Entry point in a JVM of its own ({@link BaselineProcess}, started through {@code ChildMain}): reads and deletes
     * the settings file named by the argument, then consumes until the parent closes the JVM's stdin.
     */
    public static void main(String[] args) {
        BaselineConsumer consumer = BaselineProcess.consumerFrom(ChildSettings.read(args[0]));
        consumer.run();
        if (consumer.failure() != null) {
            consumer.failure().printStackTrace();
            System.exit(1);
        }
    }

    String groupId() {
        return groupId;
    }

    Exception failure() {
        return failure;
    }

    void stop() {
        running.set(false);
    }

    /** With the driver setting the hub uses too: a JDBC batch of inserts goes out as multi-row inserts. */
    private static Connection connect(TestDatabase database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    @Override
    public void run() {
        Map<String, Object> config = new java.util.HashMap<>(kafka);
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords));
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Connection db = connect(database);
             PreparedStatement reports = db.prepareStatement(INSERT_REPORT);
             PreparedStatement outcomes = db.prepareStatement(INSERT_OUTCOME)) {
            db.setAutoCommit(false);
            consumer.subscribe(topics);
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                Timestamp now = Timestamp.from(Instant.now());
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    addRows(reports, outcomes, record, deserializer.deserialize(record.topic(), record.value()), now);
                }
                reports.executeBatch();
                outcomes.executeBatch();
                db.commit();
                consumer.commitSync();
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** A value or a typed null (the driver cannot infer the type of a null). */
    private static void set(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value);
        }
    }

    private static void addRows(PreparedStatement reports, PreparedStatement outcomes, ConsumerRecord<byte[], byte[]> record,
                                SpecificRecord value, Timestamp now) throws SQLException {
        ProgressReport p = value instanceof ProgressReport progress ? progress : null;
        ExpenditureReport e = value instanceof ExpenditureReport expenditure ? expenditure : null;
        if (p == null && e == null) {
            throw new IllegalStateException("Not a report: " + value.getSchema().getFullName());
        }
        UUID messageId = p != null ? p.getMessageId() : e.getMessageId();
        String kind = p != null ? "PROGRESS" : "EXPENDITURE";
        String region = p != null ? p.getRegionCode() : e.getRegionCode();
        int i = 0;
        reports.setObject(++i, messageId);
        reports.setString(++i, kind);
        reports.setString(++i, "ACCEPTED");
        reports.setString(++i, region);
        reports.setString(++i, p != null ? p.getAgentId() : e.getAgentId());
        reports.setLong(++i, p != null ? p.getSequence() : e.getSequence());
        reports.setInt(++i, p != null ? p.getFiscalYear() : e.getFiscalYear());
        reports.setString(++i, p != null ? p.getOperationCode() : e.getOperationCode());
        set(reports, ++i, p != null ? p.getAchievedValue() : null, Types.NUMERIC);
        set(reports, ++i, p != null ? p.getPercentComplete() : null, Types.NUMERIC);
        set(reports, ++i, p != null ? p.getPeriodStart() : null, Types.DATE);
        set(reports, ++i, p != null ? p.getPeriodEnd() : null, Types.DATE);
        set(reports, ++i, p != null ? p.getCorrectsMessageId() : null, Types.OTHER);
        reports.setString(++i, e != null ? e.getObjectCode() : null);
        reports.setString(++i, e != null ? e.getFundingSource() : null);
        set(reports, ++i, e != null ? e.getAmount() : null, Types.NUMERIC);
        set(reports, ++i, e != null ? e.getSpentOn() : null, Types.DATE);
        reports.setString(++i, e != null ? e.getDocumentNumber() : null);
        set(reports, ++i, e != null ? e.getReversesMessageId() : null, Types.OTHER);
        reports.setTimestamp(++i, Timestamp.from(p != null ? p.getReportedAt() : e.getReportedAt()));
        reports.setBytes(++i, record.value());
        reports.setInt(++i, ByteBuffer.wrap(record.value(), 1, 4).getInt());
        reports.setString(++i, record.topic());
        reports.setInt(++i, record.partition());
        reports.setLong(++i, record.offset());
        reports.addBatch();
        outcomes.setObject(1, messageId);
        outcomes.setString(2, region);
        outcomes.setString(3, kind);
        outcomes.setTimestamp(4, now);
        outcomes.addBatch();
    }
}
