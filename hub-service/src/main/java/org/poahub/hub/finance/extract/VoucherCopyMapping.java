package org.poahub.hub.finance.extract;

import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import org.poahub.routes.finance.Extract.Voucher;

/**
 * The columns of a {@code finance_voucher} row (V20) as written by a binary COPY: a year's C-31 listing has a hundred
 * thousand lines and more (docs/benchmarks.md, "Reconciliation"), as ingest stores its reports and a reconciliation
 * its findings.
 */
final class VoucherCopyMapping extends AbstractMapping<VoucherCopyMapping.Numbered> {

    /** A voucher with its place in the extract ({@code line_no}, from 1). */
    record Numbered(int lineNo, Voucher voucher) {
    }

    VoucherCopyMapping(long extractId) {
        super("", "finance_voucher");
        mapLongPrimitive("extract_id", n -> extractId);
        mapIntegerPrimitive("line_no", Numbered::lineNo);
        mapIntegerPrimitive("source_row", n -> n.voucher().sourceRow());
        mapText("number_raw", n -> n.voucher().numberRaw());
        mapText("number", n -> n.voucher().number());
        mapDate("voucher_date", n -> n.voucher().date());
        mapText("stage", n -> n.voucher().stage().name());
        mapText("state", n -> n.voucher().state().name());
        mapText("da", n -> n.voucher().da());
        mapText("ue", n -> n.voucher().ue());
        mapText("partida", n -> n.voucher().partida());
        mapText("fuente", n -> n.voucher().fuente());
        mapText("organismo", n -> n.voucher().organismo());
        mapNumeric("amount", n -> n.voucher().amount());
        mapText("beneficiary", n -> n.voucher().beneficiary());
        mapText("reverses_number", n -> n.voucher().reversesNumber());
        mapText("reversal_kind", n -> n.voucher().reversalKind() == null ? null : n.voucher().reversalKind().name());
    }
}
