-- Financial system (SIGEP): the optional, versioned mapping of the plan onto the budget structure.
-- The plan carries partidas and funding columns but no categoría programática, fuente/organismo or DA/UE; a mapping
-- version adds them for one fiscal year. Versions are never updated: loading a changed mapping adds version n+1, and
-- the newest version is the one in force. See docs/finance.md.

create table budget_mapping_version (
    id              bigint      generated always as identity primary key,
    fiscal_year     integer     not null,
    version         integer     not null check (version >= 1),
    source_file     text        not null,
    checksum_sha256 text        not null check (checksum_sha256 ~ '^[0-9a-f]{64}$'),
    -- the mapping's own note rows (e.g. "illustrative, not from the seed"), joined
    note            text        not null default '',
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    unique (fiscal_year, version)
);

-- operation -> categoría programática (programa, proyecto, actividad, as SIGEP writes them, e.g. 00 / 0000 / 001)
create table budget_mapping_operation (
    mapping_id     bigint not null references budget_mapping_version (id),
    operation_code text   not null check (operation_code ~ '^\d{2}\.\d{2}\.\d{2}$'),
    programa       text   not null check (programa ~ '^\d{1,4}$'),
    proyecto       text   not null check (proyecto ~ '^\d{1,4}$'),
    actividad      text   not null check (actividad ~ '^\d{1,4}$'),
    primary key (mapping_id, operation_code)
);

create index budget_mapping_operation_category on budget_mapping_operation (mapping_id, programa, proyecto, actividad);

-- funding column of the plan (by its title, e.g. 'Columna 1') -> fuente / organismo (e.g. 41 / 111)
create table budget_mapping_funding (
    mapping_id     bigint not null references budget_mapping_version (id),
    funding_column text   not null,
    fuente         text   not null check (fuente ~ '^\d{2}$'),
    organismo      text   not null check (organismo ~ '^\d{3}$'),
    primary key (mapping_id, funding_column),
    unique (mapping_id, fuente, organismo)
);

-- region -> DA (dirección administrativa) / UE (unidad ejecutora); a region without a row is not mapped and its
-- lines are reconciled nationally
create table budget_mapping_region (
    mapping_id  bigint not null references budget_mapping_version (id),
    region_code text   not null,
    da          text   not null check (da ~ '^\d{1,3}$'),
    ue          text   not null check (ue ~ '^\d{1,3}$'),
    primary key (mapping_id, region_code),
    unique (mapping_id, da, ue)
);
