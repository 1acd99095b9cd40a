-- Financial-system extracts as loaded: one row per load (a stored, versioned snapshot) and its lines.
-- Period = gestión (fiscal_year) + cut-off date. A later extract of the same kind for the same period supersedes the
-- earlier one (superseded_by); nothing is deleted, so the history and a diff between versions stay available.
-- The content's SHA-256 is unique: the same bytes twice load once (this table is the idempotent repository of the
-- finance-extract-in route, written in the same transaction as the lines).

create table finance_extract (
    id              bigint      generated always as identity primary key,
    kind            text        not null check (kind in ('EJECUCION', 'COMPROBANTES')),
    fiscal_year     integer     not null,
    cut_off         date        not null,
    version         integer     not null check (version >= 1),
    checksum_sha256 text        not null unique check (checksum_sha256 ~ '^[0-9a-f]{64}$'),
    -- where it came from: file name and inbox (file:... or sftp://host/dir)
    source          text        not null,
    loaded_by       text        not null,
    loaded_at       timestamptz not null default now(),
    line_count      integer     not null check (line_count >= 0),
    superseded_by   bigint      references finance_extract (id),
    superseded_at   timestamptz,
    unique (kind, fiscal_year, cut_off, version),
    -- superseding marks the old row (superseded_at) before the new one exists, then points it at the new one
    check (superseded_by is null or superseded_at is not null),
    check (extract(year from cut_off) = fiscal_year)
);

-- at most one extract in force per kind and period
create unique index finance_extract_current on finance_extract (kind, fiscal_year, cut_off) where superseded_at is null;

-- "Ejecución presupuestaria de gastos por categoría programática": one row per line of the extract, plus one
-- DIFERENCIA line per program whose stated total differs from the sum of its lines (never a failure: the
-- difference is kept, carrying the amounts total minus sum).
create table finance_execution_line (
    extract_id   bigint         not null references finance_extract (id),
    line_no      integer        not null,
    -- the row of the file (1-based, as the spreadsheet counts); on a DIFERENCIA line, the program total's row
    source_row   integer        not null,
    line_kind    text           not null check (line_kind in ('LINEA', 'DIFERENCIA')),
    da           text           not null,
    ue           text           not null,
    programa     text           not null,
    proyecto     text           not null,
    actividad    text           not null,
    fuente       text           not null,
    organismo    text           not null,
    partida      text           not null,
    vigente      numeric(16, 2) not null,
    preventivo   numeric(16, 2) not null,
    comprometido numeric(16, 2) not null,
    devengado    numeric(16, 2) not null,
    pagado       numeric(16, 2) not null,
    primary key (extract_id, line_no),
    check (line_kind = 'DIFERENCIA' or partida ~ '^\d{5}$')
);
