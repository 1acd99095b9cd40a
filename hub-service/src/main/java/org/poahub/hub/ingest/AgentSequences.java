package org.poahub.hub.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sequence numbers a batch received from each agent, for {@link IngestBatchWriter#writeAgentSync}: per agent its
 * last report, its highest number and the numbers as ranges, added to the agent's row ({@code agent_sync_state}). The
 * gaps (missing numbers, highest contiguous number) are computed when read, by the view {@code agent_sync}
 * ({@code V29__agent_received_ranges.sql}).
 */
final class AgentSequences {

    /**
     * An agent's last report of the batch, the highest number it sent in it (0 if none from 1 on), and the numbers as
     * a PostgreSQL {@code int8multirange} literal ({@code {}} if none).
     */
    record AgentState(String agentId, String regionCode, UUID lastMessageId, Instant lastReportedAt, long highest,
                      String received) {
    }

    /** in agent order, so two transactions lock the agents' rows in the same order */
    private final Map<String, AgentBatch> byAgent = new TreeMap<>();

    /** Remembers a recorded report for its agent; the last one added is the agent's "last report received". */
    void add(String agentId, String regionCode, UUID messageId, long sequence, Instant reportedAt) {
        byAgent.computeIfAbsent(agentId, id -> new AgentBatch()).add(regionCode, messageId, sequence, reportedAt);
    }

    List<AgentState> states() {
        return byAgent.entrySet().stream().map(e -> {
            AgentBatch batch = e.getValue();
            long[] numbers = batch.tracked();
            long highest = numbers.length == 0 ? 0 : numbers[numbers.length - 1];
            return new AgentState(e.getKey(), batch.regionCode, batch.lastMessageId, batch.lastReportedAt, highest,
                    multirange(numbers));
        }).toList();
    }

    /**
     * Ascending distinct numbers as runs, e.g. 1, 2, 3, 7 as {@code {[1,4),[7,8)}}. pgjdbc has no type for ranges, and
     * the literal is this short loop.
     */
    static String multirange(long[] ascending) {
        StringBuilder out = new StringBuilder("{");
        int i = 0;
        while (i < ascending.length) {
            int j = i;
            while (j + 1 < ascending.length && ascending[j + 1] == ascending[j] + 1) {
                j++;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('[').append(ascending[i]).append(',').append(ascending[j] + 1).append(')');
            i = j + 1;
        }
        return out.append('}').toString();
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
        long[] tracked() {
            return sequences.stream().mapToLong(Long::longValue).filter(sequence -> sequence > 0).sorted().distinct()
                    .toArray();
        }
    }
}
