package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.poahub.testkit.TestDatabase;
import org.poahub.testkit.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent's sync status as the read API sees it (view {@code agent_sync}) after batches of its sequence numbers:
 * skipped numbers are missing until they arrive, in any order and in any batch; a number received before changes
 * nothing.
 */
class AgentSequencesIT {

    private static final Instant REPORTED_AT = Instant.parse("2020-10-01T12:00:00Z");
    private static final OffsetDateTime AT = REPORTED_AT.atOffset(ZoneOffset.UTC);

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final DataSource dataSource = database.dataSource();
    private final JdbcClient sql = JdbcClient.create(dataSource);
    private final IngestBatchWriter writer = new IngestBatchWriter(new JdbcTemplate(dataSource),
            new FindingsJson(JsonMapper.builder().build()));
    /** The writer runs in the batch's transaction, as in the hub. */
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    @Test
    void anAgentsFirstContiguousNumbersLeaveNoGap() {
        migrate(null);

        batch("agent-lp", 1, 2, 3);

        assertStatus("agent-lp", 3, 3, "{}");
    }

    @Test
    void skippedNumbersAreMissingUntilTheyArriveInAnyOrder() {
        migrate(null);

        batch("agent-lp", 6, 1, 4);
        assertStatus("agent-lp", 6, 1, "{2,3,5}");

        batch("agent-lp", 3, 9, 2);
        assertStatus("agent-lp", 9, 4, "{5,7,8}");

        batch("agent-lp", 8, 5, 7);
        assertStatus("agent-lp", 9, 9, "{}");
    }

    @Test
    void aNumberReceivedBeforeChangesNothingAndALowerLastBatchKeepsTheHighest() {
        migrate(null);
        batch("agent-lp", 1, 2, 5);

        batch("agent-lp", 1, 4, 4);

        assertStatus("agent-lp", 5, 2, "{3}");
        assertThat(sql.sql("select count(*) from agent_sequence where agent_id = 'agent-lp'")
                .query(Long.class).single()).isEqualTo(4L);
        assertThat(receivedSequences("agent-lp")).isEqualTo(4L);
    }

    @Test
    void aBatchWithANumberReceivedBeforeStillRecordsItsOtherReportsInTheSameTransaction() {
        migrate(null);
        batch("agent-lp", 1, 2);

        transaction.executeWithoutResult(status -> {
            batchInTransaction("agent-cb", 1, 2);
            batchInTransaction("agent-lp", 2, 3);
        });

        assertStatus("agent-lp", 3, 3, "{}");
        assertThat(receivedSequences("agent-lp")).isEqualTo(3L);
        assertStatus("agent-cb", 2, 2, "{}");
        assertThat(receivedSequences("agent-cb")).isEqualTo(2L);
    }

    @Test
    void everyNewNumberIsCountedOnceForItsAgent() {
        migrate(null);

        batch("agent-lp", 3, 1, 2);
        batch("agent-cb", 1);
        batch("agent-lp", 5, 4);

        assertThat(receivedSequences("agent-lp")).isEqualTo(5L);
        assertThat(receivedSequences("agent-cb")).isEqualTo(1L);
    }

    @Test
    void agentsAreKeptApartAndANumberBelowOneIsNotTracked() {
        migrate(null);

        batch("agent-lp", 2);
        batch("agent-cb", 0, 1);

        assertStatus("agent-lp", 2, 0, "{1}");
        assertStatus("agent-cb", 1, 1, "{}");
    }

    @Test
    void theMigrationKeepsTheStatusOfAgentsRecordedBefore() {
        migrate("9");
        sql.sql("""
                insert into agent_sync (agent_id, region_code, last_message_id, last_reported_at, last_received_at,
                    highest_sequence, highest_contiguous_sequence, missing_sequences)
                values ('agent-lp', 'BO-L', ?, ?, ?, 9, 4, '{5,7,8}'), ('agent-cb', 'BO-C', ?, ?, ?, 3, 3, '{}')""")
                .params(UUID.randomUUID(), AT, AT, UUID.randomUUID(), AT, AT)
                .update();

        migrate(null);

        assertStatus("agent-lp", 9, 4, "{5,7,8}");
        assertStatus("agent-cb", 3, 3, "{}");
        batch("agent-lp", 7, 5, 8);
        assertStatus("agent-lp", 9, 9, "{}");
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    private void batch(String agentId, long... sequences) {
        transaction.executeWithoutResult(status -> batchInTransaction(agentId, sequences));
    }

    private void batchInTransaction(String agentId, long... sequences) {
        AgentSequences batch = new AgentSequences();
        for (long sequence : sequences) {
            batch.add(agentId, "BO-L", UUID.randomUUID(), sequence, REPORTED_AT);
        }
        writer.writeAgentSync(batch);
    }

    private long receivedSequences(String agentId) {
        return sql.sql("select received_sequences from agent_sync_state where agent_id = ?").param(agentId)
                .query(Long.class).single();
    }

    private void assertStatus(String agentId, long highest, long highestContiguous, String missing) {
        Map<String, Object> row = sql.sql("""
                select highest_sequence, highest_contiguous_sequence, missing_sequences::text as missing
                from agent_sync where agent_id = ?""").param(agentId).query().singleRow();
        assertThat(row).containsExactlyInAnyOrderEntriesOf(Map.of("highest_sequence", highest,
                "highest_contiguous_sequence", highestContiguous, "missing", missing));
    }
}
