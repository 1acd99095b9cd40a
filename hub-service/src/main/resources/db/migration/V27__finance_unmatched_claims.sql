-- A run's SOLO_EN_REGIONALES voucher findings, stored as the claims' report ids rather than as rows of
-- finance_voucher_finding (docs/finance.md, "Vouchers"; docs/benchmarks.md, "Reconciliation"). A listing that
-- covers few of the year's claims leaves hundreds of thousands of them unmatched, and writing one indexed row per claim
-- was most of a run's time. Such a finding is a function of its claim alone (number, region, amount, date), and an
-- accepted report row is never changed or deleted, so the report ids are the whole record: read back by joining the
-- report table (JdbcReconciliationRepository). Exact "as of" the run: the ids are the claims the run saw.
create table finance_unmatched_claims (
    run_id      bigint    primary key references finance_reconciliation_run (id),
    -- each claim's place among the run's findings (finding_no of finance_voucher_finding: one numbering per run)
    finding_nos integer[] not null,
    message_ids uuid[]    not null,
    check (cardinality(finding_nos) = cardinality(message_ids))
);

-- What is left in finance_voucher_finding is at most a few rows per voucher of the listing; every read takes one run's
-- rows through the primary key (run_id, finding_no) and filters them, so the second index is one less to maintain
-- while a run writes.
drop index finance_voucher_finding_lookup;
