-- Exports of the consolidated execution of a period to the financial system (finance-execution-out). The same state
-- (its SHA-256 over the exported figures) is exported once: asking again returns the earlier export; a changed state
-- gets the next version.

create table finance_export (
    id            bigint      generated always as identity primary key,
    entity_code   text        not null,
    fiscal_year   integer     not null,
    -- e.g. '2020-T1', '2020-01', '2020'
    period        text        not null,
    version       integer     not null check (version >= 1),
    state_sha256  text        not null check (state_sha256 ~ '^[0-9a-f]{64}$'),
    file_base     text        not null,
    csv_sha256    text        not null check (csv_sha256 ~ '^[0-9a-f]{64}$'),
    xlsx_sha256   text        not null check (xlsx_sha256 ~ '^[0-9a-f]{64}$'),
    -- the exported figures (totals per level), for the record
    figures       jsonb       not null,
    destination   text        not null,
    requested_by  text        not null,
    trigger       text        not null check (trigger in ('API', 'PROGRAMADO', 'APROBACION')),
    created_at    timestamptz not null default now(),
    delivered_at  timestamptz,
    unique (fiscal_year, period, version),
    unique (fiscal_year, period, state_sha256)
);
