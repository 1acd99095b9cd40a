-- A run's CONCILIADO voucher findings whose voucher has no reversal and one claim (most of a listing), stored as the
-- keys of the two rows they are a function of, the listing's line and the claim's report, rather than as rows of
-- finance_voucher_finding (docs/finance.md, "Vouchers"; docs/benchmarks.md, "Reconciliation"): writing 99,000 rows of
-- figures and text per run was most of what a run stored. Both rows never change (a listing is an extract's, an
-- accepted report is never changed or deleted), so the finding reads back exactly as the run made it
-- (VoucherReconciler.reconciledAlone, JdbcReconciliationRepository). Other CONCILIADO findings (nets over reversals
-- or over several claims) stay rows.
create table finance_reconciled_vouchers (
    run_id        bigint    primary key references finance_reconciliation_run (id),
    -- each finding's place among the run's findings (finding_no of finance_voucher_finding: one numbering per run)
    finding_nos   integer[] not null,
    -- the claim's report
    message_ids   uuid[]    not null,
    -- the voucher's line in the run's listing (finance_voucher.line_no of the run's voucher_extract_id)
    voucher_lines integer[] not null,
    check (cardinality(finding_nos) = cardinality(message_ids)),
    check (cardinality(finding_nos) = cardinality(voucher_lines))
);
