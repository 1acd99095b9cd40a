package org.poahub.hub.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sequence numbers a batch received from each agent, and the agents' sync status they change: written once per
 * agent and batch, because rewriting the status row (and its array of missing numbers) for every report made ingest
 * several times slower.
 */
final class AgentSequences {

    private final Map<String, AgentBatch> byAgent = new LinkedHashMap<>();

    /** Remembers a recorded report for its agent; the last one added is the agent's "last report received". */
    void add(String agentId, String regionCode, UUID messageId, long sequence, Instant reportedAt) {
        byAgent.computeIfAbsent(agentId, id -> new AgentBatch()).add(regionCode, messageId, sequence, reportedAt);
    }

    /**
     * Writes the sequence numbers and each agent's sync status: the newest sequences add the numbers they skipped to
     * the missing ones, late ones fill their gaps.
     */
    void write(JdbcClient jdbc) {
        // in agent order, so two hub instances lock agent_sync rows in the same order
        byAgent.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> write(jdbc, e.getKey(), e.getValue()));
        byAgent.clear();
    }

    private static void write(JdbcClient jdbc, String agentId, AgentBatch batch) {
        List<Long> fresh = jdbc.sql("""
                        insert into agent_sequence (agent_id, sequence) select ?, unnest(?::bigint[])
                        on conflict do nothing returning sequence""")
                .params(agentId, batch.sequences.toArray(Long[]::new)).query(Long.class).list();
        record Status(long highest, Long[] missing) {
        }
        Optional<Status> current = jdbc.sql(
                        "select highest_sequence, missing_sequences from agent_sync where agent_id = ? for update")
                .param(agentId)
                .query((rs, n) -> new Status(rs.getLong(1), (Long[]) rs.getArray(2).getArray())).optional();
        long highest = current.map(Status::highest).orElse(0L);
        TreeSet<Long> missing = new TreeSet<>(current.map(c -> Arrays.asList(c.missing())).orElse(List.of()));
        long newHighest = Math.max(highest, fresh.stream().mapToLong(Long::longValue).max().orElse(highest));
        for (long skipped = highest + 1; skipped < newHighest; skipped++) {
            missing.add(skipped);
        }
        missing.removeAll(fresh);
        long contiguous = missing.isEmpty() ? newHighest : missing.first() - 1;
        jdbc.sql("""
                insert into agent_sync (agent_id, region_code, last_message_id, last_reported_at, last_received_at,
                    highest_sequence, highest_contiguous_sequence, missing_sequences)
                values (?, ?, ?, ?, now(), ?, ?, ?)
                on conflict (agent_id) do update set region_code = excluded.region_code,
                    last_message_id = excluded.last_message_id, last_reported_at = excluded.last_reported_at,
                    last_received_at = excluded.last_received_at, highest_sequence = excluded.highest_sequence,
                    highest_contiguous_sequence = excluded.highest_contiguous_sequence,
                    missing_sequences = excluded.missing_sequences""")
                .params(agentId, batch.regionCode, batch.lastMessageId, Timestamp.from(batch.lastReportedAt),
                        newHighest, contiguous, missing.toArray(Long[]::new))
                .update();
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
