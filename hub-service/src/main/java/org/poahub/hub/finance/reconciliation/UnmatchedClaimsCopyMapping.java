package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.util.List;
import java.util.UUID;

/**
 * A run's {@code finance_unmatched_claims} row (V27) as written by a binary COPY: its arrays hold hundreds of thousands
 * of claims (docs/benchmarks.md, "Reconciliation"), and as a text array literal they were about 18 MB to format and
 * parse; in binary each id is its 16 bytes.
 */
final class UnmatchedClaimsCopyMapping extends AbstractMapping<UnmatchedClaimsCopyMapping.Row> {

    /** {@code findingNos} and {@code messageIds} are parallel. */
    record Row(long runId, List<Integer> findingNos, List<UUID> messageIds) {
    }

    UnmatchedClaimsCopyMapping() {
        super("", "finance_unmatched_claims");
        mapLongPrimitive("run_id", Row::runId);
        mapIntegerArray("finding_nos", Row::findingNos);
        mapUUIDArray("message_ids", Row::messageIds);
    }
}
