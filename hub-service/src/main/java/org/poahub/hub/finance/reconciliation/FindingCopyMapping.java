package org.poahub.hub.finance.reconciliation;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import org.poahub.hub.finance.reconciliation.JdbcReconciliationRepository.Finding;

/**
 * The columns of a {@code finance_voucher_finding} row as written by a binary COPY: a run against a year of vouchers
 * stores hundreds of thousands of findings (docs/benchmarks.md, "Reconciliation"), as ingest stores its reports.
 */
final class FindingCopyMapping extends AbstractMapping<Finding> {

    FindingCopyMapping(long runId) {
        super("", "finance_voucher_finding");
        mapLongPrimitive("run_id", f -> runId);
        mapIntegerPrimitive("finding_no", Finding::findingNo);
        mapText("finding", Finding::finding);
        mapText("number", Finding::number);
        mapText("region_code", Finding::regionCode);
        mapUUID("message_id", Finding::messageId);
        mapNumeric("sigep_amount", Finding::sigepAmount);
        mapNumeric("regional_amount", Finding::regionalAmount);
        mapDate("sigep_date", Finding::sigepDate);
        mapDate("regional_date", Finding::regionalDate);
        mapText("detail", Finding::detail);
    }
}
