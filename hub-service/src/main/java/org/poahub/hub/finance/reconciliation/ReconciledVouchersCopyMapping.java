package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.util.List;
import java.util.UUID;

/**
 * A run's {@code finance_reconciled_vouchers} row (V28) as written by a binary COPY: tens of thousands of CONCILIADO
 * findings per run as three arrays of keys (docs/benchmarks.md, "Reconciliation").
 */
final class ReconciledVouchersCopyMapping extends AbstractMapping<ReconciledVouchersCopyMapping.Row> {

    /** Parallel lists: a finding's number, its claim's report, its voucher's listing line. */
    record Row(long runId, List<Integer> findingNos, List<UUID> messageIds, List<Integer> voucherLines) {
    }

    ReconciledVouchersCopyMapping() {
        super("", "finance_reconciled_vouchers");
        mapLongPrimitive("run_id", Row::runId);
        mapIntegerArray("finding_nos", Row::findingNos);
        mapUUIDArray("message_ids", Row::messageIds);
        mapIntegerArray("voucher_lines", Row::voucherLines);
    }
}
