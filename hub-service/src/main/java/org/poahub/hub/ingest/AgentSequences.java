package org.poahub.hub.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sequence numbers a batch received from each agent, and the agents' sync status they change: read with one
 * query and written with one JDBC batch per batch of reports, because rewriting the status row (and its array of
 * missing numbers) for every report made ingest several times slower.
 */
final class AgentSequences {

    /** in agent order, so two hub instances lock agent_sync rows in the same order */
    private final Map<String, AgentBatch> byAgent = new TreeMap<>();

    /** Remembers a recorded report for its agent; the last one added is the agent's "last report received". */
    void add(String agentId, String regionCode, UUID messageId, long sequence, Instant reportedAt) {
        byAgent.computeIfAbsent(agentId, id -> new AgentBatch()).add(regionCode, messageId, sequence, reportedAt);
    }

    /**
     * Writes each agent's sync status: a number above the highest so far is new and adds the numbers it skipped to
     * the missing ones, a late one fills its gap, any other was received before and changes nothing.
     */
    void write(JdbcClient jdbc, JdbcTemplate batches) {
        if (byAgent.isEmpty()) {
            return;
        }
        record Status(long highest, Long[] missing) {
        }
        Map<String, Status> current = new HashMap<>();
        jdbc.sql("""
                        select agent_id, highest_sequence, missing_sequences from agent_sync
                        where agent_id = any(?::text[]) order by agent_id for update""")
                .param(byAgent.keySet().toArray(String[]::new))
                .query(rs -> {
                    current.put(rs.getString(1), new Status(rs.getLong(2), (Long[]) rs.getArray(3).getArray()));
                });
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        byAgent.forEach((agentId, batch) -> {
            Status status = current.get(agentId);
            SyncStatus next = SyncStatus.after(status == null ? 0L : status.highest(),
                    status == null ? new Long[0] : status.missing(), batch.sequences);
            (status == null ? inserts : updates).add(new Object[] {batch.regionCode, batch.lastMessageId,
                    Timestamp.from(batch.lastReportedAt), next.highest(), next.highestContiguous(), next.missing(),
                    agentId});
        });
        batches.batchUpdate("""
                update agent_sync set region_code = ?, last_message_id = ?, last_reported_at = ?,
                    last_received_at = now(), highest_sequence = ?, highest_contiguous_sequence = ?,
                    missing_sequences = ?
                where agent_id = ?""", updates);
        // No "on conflict": an agent first seen by another transaction since the select above fails the insert on
        // its key, and the store runs the batch again on the other transaction's figures (never overwriting them).
        batches.batchUpdate("""
                insert into agent_sync (region_code, last_message_id, last_reported_at, last_received_at,
                    highest_sequence, highest_contiguous_sequence, missing_sequences, agent_id)
                values (?, ?, ?, now(), ?, ?, ?, ?)""", inserts);
        byAgent.clear();
    }

    private static final class AgentBatch {
        private final List<Long> sequences = new ArrayList<>();
        private String regionCode;
        private UUID lastMessageId;
        private Instant lastReportedAt;

        void add(String regionCode, UUID messageId, long sequence, Instant reportedAt) {
            sequences.add(sequence);
            this.regionCode = regionCode;
            this.lastMessageId = messageId;
            this.lastReportedAt = reportedAt;
        }
    }
}
