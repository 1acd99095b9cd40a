package org.poahub.hub.ingest;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;

/** The columns of an {@code agent_sequence} row as written by a binary COPY. */
final class SequenceCopyMapping extends AbstractMapping<AgentSequences.Received> {

    SequenceCopyMapping() {
        super("", "agent_sequence");
        mapText("agent_id", AgentSequences.Received::agentId);
        mapLongPrimitive("sequence", AgentSequences.Received::sequence);
    }
}
