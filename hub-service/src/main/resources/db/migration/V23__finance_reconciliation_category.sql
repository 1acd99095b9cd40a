-- Reconciliation lines keyed by categoría programática where SIGEP cannot tell operations apart (docs/finance.md,
-- "Line keys"). A mapping may give several operations one category (the illustrative SENAVEX mapping gives each
-- action one actividad); SIGEP's devengado of that category cannot be split among them, so such a line is keyed by
-- the category (operation_code = '') and lists the operations whose regional expenditure it sums. A category of a
-- single operation keeps that operation in operation_code; an operation without a category has category ''.

alter table finance_reconciliation_line
    -- e.g. '11-0000-004'; '' when the operation has no category in the mapping
    add column category   text   not null default '',
    -- the plan's operations behind the line (one, several for a shared category, none for an unmapped category)
    add column operations text[] not null default '{}';

alter table finance_reconciliation_line drop constraint finance_reconciliation_line_pkey;
alter table finance_reconciliation_line
    add primary key (run_id, category, operation_code, partida, funding_column, region_code);

-- How many accepted regional expenditure reports of the period the run summed. Reports are never deleted, so a
-- different count means reports arrived after the run (received_at alone can miss a batch whose transaction began
-- before the run and committed after it: its rows carry the older time).
alter table finance_reconciliation_run add column reports_counted integer check (reports_counted >= 0);
