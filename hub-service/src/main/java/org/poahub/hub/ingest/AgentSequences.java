package org.poahub.hub.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The sequence numbers a batch received from each agent, for {@link IngestBatchWriter#writeAgentSync}: one
 * {@code agent_sequence} row per number, and per agent its last report and highest number ({@code agent_sync_state}).
 * The gaps (missing numbers, highest contiguous number) are computed when read, by the view {@code agent_sync}
 * ({@code V10__agent_sequences_as_rows.sql}).
 */
final class AgentSequences {

    /** A number received from an agent: one {@code agent_sequence} row. */
    record Received(String agentId, long sequence) {
    }

    /** An agent's last report of the batch and the highest number it sent in it (0 if none from 1 on). */
    record AgentState(String agentId, String regionCode, UUID lastMessageId, Instant lastReportedAt, long highest) {
    }

    /** in agent order, so two transactions lock the agents' rows in the same order */
    private final Map<String, AgentBatch> byAgent = new TreeMap<>();

    /** Remembers a recorded report for its agent; the last one added is the agent's "last report received". */
    void add(String agentId, String regionCode, UUID messageId, long sequence, Instant reportedAt) {
        byAgent.computeIfAbsent(agentId, id -> new AgentBatch()).add(regionCode, messageId, sequence, reportedAt);
    }

    /** The numbers received, agent by agent, each once, ascending. */
    List<Received> received() {
        List<Received> received = new ArrayList<>();
        byAgent.forEach((agentId, batch) -> batch.tracked().forEach(sequence ->
                received.add(new Received(agentId, sequence))));
        return received;
    }

    List<AgentState> states() {
        return byAgent.entrySet().stream().map(e -> {
            AgentBatch batch = e.getValue();
            long highest = batch.tracked().mapToLong(Long::longValue).max().orElse(0);
            return new AgentState(e.getKey(), batch.regionCode, batch.lastMessageId, batch.lastReportedAt, highest);
        }).toList();
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

        /** Numbers start at 1; a report with another number is recorded, but its number tells nothing about gaps. */
        Stream<Long> tracked() {
            return sequences.stream().filter(sequence -> sequence > 0).sorted().distinct();
        }
    }
}
