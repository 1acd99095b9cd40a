-- The national POA (plan), one row set per version (reformulación). Versions are never updated or deleted:
-- a re-import of a changed plan for the same fiscal year adds version n+1. Reports refer to operation codes,
-- which stay meaningful across versions (see plan_operation.code).

create table plan_version (
    id              bigserial    primary key,
    fiscal_year     integer      not null,
    version         integer      not null,
    entity_code     text         not null,
    entity_acronym  text         not null,
    funding_columns text[]       not null,
    created_by      text         not null,
    created_at      timestamptz  not null default now(),
    reason          text         not null,
    source_file     text         not null,
    checksum_sha256 text         not null,
    unique (fiscal_year, version)
);

create table plan_objective (
    version_id bigint  not null references plan_version (id),
    code       text    not null,
    name       text    not null,
    position   integer not null,
    primary key (version_id, code)
);

create table plan_action (
    version_id bigint  not null references plan_version (id),
    code       text    not null,
    name       text    not null,
    weight     integer not null check (weight between 0 and 100),
    position   integer not null,
    primary key (version_id, code)
);

create table plan_operation (
    version_id            bigint  not null references plan_version (id),
    code                  text    not null check (code ~ '^\d{2}\.\d{2}\.\d{2}$'),
    action_code           text    not null,
    name                  text    not null,
    expected_result       text    not null,
    indicator             text    not null,
    target_value          numeric,
    target_kind           text    not null check (target_kind in ('PERCENTAGE', 'COUNT', 'NONE')),
    target_text           text    not null,
    means_of_verification text    not null,
    start_date            date    not null,
    end_date              date    not null,
    responsible_unit      text    not null,
    position              integer not null,
    primary key (version_id, code),
    foreign key (version_id, action_code) references plan_action (version_id, code),
    check (start_date <= end_date),
    check ((target_kind = 'NONE') = (target_value is null))
);

create index plan_operation_code on plan_operation (code);

-- One row per budget line and funding column.
create table plan_budget_amount (
    version_id     bigint         not null,
    operation_code text           not null,
    object_code    text           not null check (object_code ~ '^\d{5}$'),
    line_position  integer        not null,
    column_index   integer        not null,
    amount         numeric(16, 2) not null check (amount >= 0),
    primary key (version_id, operation_code, object_code, column_index),
    foreign key (version_id, operation_code) references plan_operation (version_id, code)
);

create table plan_regional_share (
    version_id           bigint        not null,
    operation_code       text          not null,
    region_code          text          not null,
    target_share_percent numeric(7, 4) not null check (target_share_percent between 0 and 100),
    budget_share_percent numeric(7, 4) not null check (budget_share_percent between 0 and 100),
    position             integer       not null,
    primary key (version_id, operation_code, region_code),
    foreign key (version_id, operation_code) references plan_operation (version_id, code)
);
