package org.poahub.agent.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Path;
import org.poahub.contract.ExpenditureReport;
import org.poahub.contract.ProgressReport;
import org.poahub.contract.ReportOutcome;
import org.poahub.contract.Topics;
import org.poahub.testkit.TestKafka;

/**
 * Helpers shared by the agent's integration tests (and, through the test-jar, local-stack's agent-to-hub tests):
 * topics, registry subjects, the state of the agent's outbox.
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
}
