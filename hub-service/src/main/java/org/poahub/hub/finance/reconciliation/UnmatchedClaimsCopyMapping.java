package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;

/**
 * A run's {@code finance_unmatched_claims} row (V27) as written by a binary COPY: its arrays hold hundreds of thousands
 * of claims (docs/benchmarks.md, "Reconciliation"), and as a text array literal they were about 18 MB to format and
 * parse; in binary each id is its 16 bytes, encoded as it is added ({@link KeyArray}).
 */
final class UnmatchedClaimsCopyMapping extends AbstractMapping<UnmatchedClaimsCopyMapping.Row> {

    /** {@code findingNos} ({@code integer[]}) and {@code messageIds} ({@code uuid[]}) are parallel. */
    record Row(long runId, KeyArray findingNos, KeyArray messageIds) {
    }

    UnmatchedClaimsCopyMapping() {
        super("", "finance_unmatched_claims");
        mapLongPrimitive("run_id", Row::runId);
        map("finding_nos", KeyArray.COPY_FIELD, Row::findingNos);
        map("message_ids", KeyArray.COPY_FIELD, Row::messageIds);
    }
}
