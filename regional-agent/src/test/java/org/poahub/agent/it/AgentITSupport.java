package org.poahub.agent.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.testkit.TestKafka;
import org.poahub.registry.AvroWireDeserializer;
import org.poahub.registry.SerdeConfig;

/**
 * Helpers shared by the agent's integration tests (and, through the test-jar, local-stack's agent-to-hub tests):
 * topics, registry subjects, reading what arrived, reading the agent's outbox.
 */
public final class AgentITSupport {

    private AgentITSupport() {
    }

    /** Registers the report and outcome schemas of the region, as the hub's deployment does. */
    public static void registerSchemas(TestRegistryServer registry, String region) {
        registry.register(Topics.progress(region) + "-value", ProgressReport.getClassSchema());
        registry.register(Topics.expenditure(region) + "-value", ExpenditureReport.getClassSchema());
        registry.register(Topics.outcomes(region) + "-value", ReportOutcome.getClassSchema());
    }

    public static void createTopics(String bootstrap, String region) throws Exception {
        TestKafka.createTopics(bootstrap, 3, Topics.progress(region), Topics.expenditure(region), Topics.outcomes(region));
    }

    /** Every report on the region's report topics right now, decoded with the Confluent-wire deserializer. */
    public static List<SpecificRecord> readReports(String bootstrap, String registryUrl, String region) {
        List<SpecificRecord> all = new ArrayList<>();
        for (String topic : List.of(Topics.progress(region), Topics.expenditure(region))) {
            all.addAll(readAll(bootstrap, registryUrl, topic));
        }
        return all;
    }

    public static List<SpecificRecord> readAll(String bootstrap, String registryUrl, String topic) {
        try (AvroWireDeserializer<SpecificRecord> deserializer = new AvroWireDeserializer<>()) {
            deserializer.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            return TestKafka.readAll(bootstrap, topic).stream()
                    .map(record -> deserializer.deserialize(topic, record.value())).toList();
        }
    }

    public static UUID messageId(SpecificRecord record) {
        return record instanceof ProgressReport p ? p.getMessageId() : ((ExpenditureReport) record).getMessageId();
    }

    public static BigDecimal value(SpecificRecord record) {
        return record instanceof ProgressReport p ? p.getAchievedValue() : ((ExpenditureReport) record).getAmount();
    }

    /** One record per message id (what the hub keeps after de-duplication). */
    public static Map<UUID, SpecificRecord> distinct(List<SpecificRecord> records) {
        Map<UUID, SpecificRecord> byId = new HashMap<>();
        for (SpecificRecord r : records) {
            SpecificRecord previous = byId.putIfAbsent(messageId(r), r);
            if (previous != null && !previous.equals(r)) {
                throw new AssertionError("message id " + messageId(r) + " was sent with two different contents");
            }
        }
        return byId;
    }

    public static BigDecimal sum(Collection<SpecificRecord> records) {
        return records.stream().map(AgentITSupport::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Reads the agent's outbox directly (SQLite allows a reader beside the agent's writer in WAL mode). */
    public static Map<String, Long> countByState(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM outbox GROUP BY state")) {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        }
    }

    /** Message id → value of every report the agent saved. */
    public static Map<UUID, BigDecimal> outbox(Path database) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT message_id, value FROM outbox")) {
            Map<UUID, BigDecimal> rows = new HashMap<>();
            while (rs.next()) {
                rows.put(UUID.fromString(rs.getString(1)), new BigDecimal(rs.getString(2)));
            }
            return rows;
        }
    }

    public static Set<UUID> ids(Collection<SpecificRecord> records) {
        return records.stream().map(AgentITSupport::messageId).collect(Collectors.toSet());
    }
}
