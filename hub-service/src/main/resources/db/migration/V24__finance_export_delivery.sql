-- finance-execution-out (V22's finance_export): an export is recorded before it is delivered, so a delivery that fails
-- (SFTP down, broker away) is retried from the record, with exactly the bytes recorded, until it succeeds. The files
-- are kept with the record (they are small: one row per action, operation and partida line); the Avro record is
-- rebuilt from `figures`, which holds the whole exported execution (not only its totals).

alter table finance_export
    add column csv_content  bytea,
    add column xlsx_content bytea,
    -- when the Avro record reached poa.finance.execution (delivered_at: when the files reached the outbox)
    add column published_at timestamptz;

create index finance_export_undelivered on finance_export (id) where delivered_at is null or published_at is null;
