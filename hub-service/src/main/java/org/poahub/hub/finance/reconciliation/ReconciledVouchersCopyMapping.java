package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;

/**
 * A run's {@code finance_reconciled_vouchers} row (V28) as written by a binary COPY: tens of thousands of CONCILIADO
 * findings per run as three arrays of keys ({@link KeyArray}; docs/benchmarks.md, "Reconciliation").
 */
final class ReconciledVouchersCopyMapping extends AbstractMapping<ReconciledVouchersCopyMapping.Row> {

    /** Parallel arrays: a finding's number, its claim's report ({@code uuid[]}), its voucher's listing line. */
    record Row(long runId, KeyArray findingNos, KeyArray messageIds, KeyArray voucherLines) {
    }

    ReconciledVouchersCopyMapping() {
        super("", "finance_reconciled_vouchers");
        mapLongPrimitive("run_id", Row::runId);
        map("finding_nos", KeyArray.COPY_FIELD, Row::findingNos);
        map("message_ids", KeyArray.COPY_FIELD, Row::messageIds);
        map("voucher_lines", KeyArray.COPY_FIELD, Row::voucherLines);
    }
}
