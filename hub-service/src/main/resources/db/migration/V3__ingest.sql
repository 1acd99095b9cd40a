-- Ingest: every decoded report, its outcome, rejections, agent sequences and the consolidated figures ingest keeps.
-- Amounts are numeric, never floating point.

-- One row per decoded report (accepted or rejected). The primary key on message_id is the idempotency record:
-- a redelivered or resent report finds its row and changes nothing.
create table report (
    message_id          uuid           primary key,
    kind                text           not null check (kind in ('PROGRESS', 'EXPENDITURE')),
    status              text           not null check (status in ('ACCEPTED', 'ACCEPTED_WITH_WARNINGS', 'REJECTED')),
    region_code         text           not null,
    agent_id            text           not null,
    sequence            bigint         not null,
    fiscal_year         integer        not null,
    operation_code      text           not null,
    -- progress
    achieved_value      numeric(18, 4),
    percent_complete    numeric(5, 2),
    period_start        date,
    period_end          date,
    corrects_message_id uuid,
    -- expenditure
    object_code         text,
    funding_source      text,
    amount              numeric(15, 2),
    spent_on            date,
    document_number     text,
    reverses_message_id uuid,
    -- audit and replay
    reported_at         timestamptz    not null,
    raw_payload         bytea          not null,
    schema_id           integer        not null,
    topic               text           not null,
    kafka_partition     integer        not null,
    kafka_offset        bigint         not null,
    received_at         timestamptz    not null default now(),
    committed_at        timestamptz    not null default now()
);

create index report_progress_lookup on report (region_code, fiscal_year, operation_code) where kind = 'PROGRESS';
create index report_expenditure_lookup on report (fiscal_year, operation_code) where kind = 'EXPENDITURE';

-- The outcome (acuse) sent for each report; sent again, unchanged, when the report comes again.
create table report_outcome (
    message_id   uuid        primary key references report (message_id),
    region_code  text        not null,
    kind         text        not null,
    status       text        not null,
    -- [{"code", "severity", "field", "message"}], messages in Spanish
    findings     jsonb       not null default '[]',
    processed_at timestamptz not null
);

-- Everything not accepted, with its original bytes and the reason, for staff to query. Records that could not be
-- decoded have no message id; their Kafka coordinates identify them.
create table rejected_report (
    id              bigint      generated always as identity primary key,
    message_id      uuid,
    region_code     text,
    raw_payload     bytea,
    schema_id       integer,
    code            text        not null,
    field           text,
    message         text        not null,
    route           text        not null,
    rejected_at     timestamptz not null,
    topic           text        not null,
    kafka_partition integer     not null,
    kafka_offset    bigint      not null,
    -- a redelivered record keeps one row
    unique (topic, kafka_partition, kafka_offset)
);

create unique index rejected_report_message on rejected_report (message_id) where message_id is not null;
create index rejected_report_search on rejected_report (region_code, code, rejected_at);

-- Per-agent sequence numbers received; gaps are tracked, not rejected.
create table agent_sequence (
    agent_id text   not null,
    sequence bigint not null,
    primary key (agent_id, sequence)
);

create table agent_sync (
    agent_id                    text        primary key,
    region_code                 text        not null,
    last_message_id             uuid        not null,
    last_reported_at            timestamptz not null,
    last_received_at            timestamptz not null,
    highest_sequence            bigint      not null,
    highest_contiguous_sequence bigint      not null,
    missing_sequences           bigint[]    not null default '{}'
);

-- Physical progress per operation x region: the latest cumulative value reported (never a sum of reports).
create table consolidated_progress (
    fiscal_year      integer        not null,
    operation_code   text           not null,
    region_code      text           not null,
    cumulative_value numeric(18, 4) not null,
    percent_complete numeric(5, 2),
    last_period_end  date           not null,
    last_message_id  uuid           not null,
    reports          integer        not null,
    primary key (fiscal_year, operation_code, region_code)
);

-- Spend per operation x region x object-of-expenditure group x funding column: the sum of accepted expenditure,
-- reversals (negative amounts) included.
create table consolidated_spend (
    fiscal_year    integer        not null,
    operation_code text           not null,
    region_code    text           not null,
    object_group   text           not null,
    funding_source text           not null,
    spent          numeric(15, 2) not null,
    reports        integer        not null,
    primary key (fiscal_year, operation_code, region_code, object_group, funding_source)
);
