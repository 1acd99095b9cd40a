package org.poahub.hub.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sequence numbers a batch received from each agent, written at the end of the batch: one row per number in
 * {@code agent_sequence}, and the agent's last report and highest number in {@code agent_sync_state}. Neither write
 * reads first: a number received before is skipped by its key, and the highest number only grows, so batches of two
 * consumers or two hub instances give the same result in any order. The gaps (missing numbers, highest contiguous
 * number) are computed when read, by the view {@code agent_sync} ({@code V10__agent_sequences_as_rows.sql}).
 */
final class AgentSequences {

    /** in agent order, so two transactions lock the agents' rows in the same order */
    private final Map<String, AgentBatch> byAgent = new TreeMap<>();

    /** Remembers a recorded report for its agent; the last one added is the agent's "last report received". */
    void add(String agentId, String regionCode, UUID messageId, long sequence, Instant reportedAt) {
        byAgent.computeIfAbsent(agentId, id -> new AgentBatch()).add(regionCode, messageId, sequence, reportedAt);
    }

    void write(JdbcTemplate jdbc) {
        if (byAgent.isEmpty()) {
            return;
        }
        List<String> agents = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        List<Object[]> states = new ArrayList<>();
        byAgent.forEach((agentId, batch) -> {
            // numbers start at 1; a report with another number is recorded, but its number tells nothing about gaps
            batch.sequences.stream().filter(sequence -> sequence > 0).sorted().distinct().forEach(sequence -> {
                agents.add(agentId);
                sequences.add(sequence);
            });
            states.add(new Object[] {agentId, batch.regionCode, batch.lastMessageId,
                    Timestamp.from(batch.lastReportedAt), batch.highest});
        });
        if (!sequences.isEmpty()) {
            jdbc.update("""
                    insert into agent_sequence (agent_id, sequence)
                    select * from unnest(?::text[], ?::bigint[])
                    on conflict do nothing""", agents.toArray(String[]::new), sequences.toArray(Long[]::new));
        }
        jdbc.batchUpdate("""
                insert into agent_sync_state (agent_id, region_code, last_message_id, last_reported_at,
                    last_received_at, highest_sequence)
                values (?, ?, ?, ?, now(), ?)
                on conflict (agent_id) do update set region_code = excluded.region_code,
                    last_message_id = excluded.last_message_id, last_reported_at = excluded.last_reported_at,
                    last_received_at = excluded.last_received_at,
                    highest_sequence = greatest(agent_sync_state.highest_sequence, excluded.highest_sequence)""",
                states);
        byAgent.clear();
    }

    private static final class AgentBatch {
        private final List<Long> sequences = new ArrayList<>();
        private String regionCode;
        private UUID lastMessageId;
        private Instant lastReportedAt;
        private long highest;

        void add(String regionCode, UUID messageId, long sequence, Instant reportedAt) {
            sequences.add(sequence);
            highest = Math.max(highest, sequence);
            this.regionCode = regionCode;
            this.lastMessageId = messageId;
            this.lastReportedAt = reportedAt;
        }
    }
}
