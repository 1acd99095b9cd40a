package org.poahub.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentSequencesTest {

    private static final Instant AT = Instant.parse("2020-10-01T12:00:00Z");

    @Test
    void runsOfNumbersBecomeHalfOpenRanges() {
        assertThat(AgentSequences.multirange(new long[] {1, 2, 3, 7, 9, 10})).isEqualTo("{[1,4),[7,8),[9,11)}");
        assertThat(AgentSequences.multirange(new long[] {5})).isEqualTo("{[5,6)}");
        assertThat(AgentSequences.multirange(new long[] {})).isEqualTo("{}");
    }

    @Test
    void eachAgentGetsItsNumbersInOrderOnceItsHighestAndItsLastReport() {
        AgentSequences batch = new AgentSequences();
        UUID last = UUID.randomUUID();
        batch.add("agent-lp", "BO-L", UUID.randomUUID(), 4, AT);
        batch.add("agent-cb", "BO-C", UUID.randomUUID(), 0, AT);
        batch.add("agent-lp", "BO-L", UUID.randomUUID(), 2, AT);
        batch.add("agent-lp", "BO-L", UUID.randomUUID(), 3, AT);
        batch.add("agent-lp", "BO-L", last, 3, AT.plusSeconds(1));

        assertThat(batch.states()).containsExactly(
                new AgentSequences.AgentState("agent-cb", "BO-C", batch.states().get(0).lastMessageId(), AT, 0, "{}"),
                new AgentSequences.AgentState("agent-lp", "BO-L", last, AT.plusSeconds(1), 4, "{[2,5)}"));
    }
}
