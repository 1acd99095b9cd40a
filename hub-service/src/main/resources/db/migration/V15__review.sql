-- Review: approval of each period (período) per region. See docs/review.md.
-- A period without a row is ABIERTO (open); its row is created when the region first presents it.

create table review_period (
    id           bigint      generated always as identity primary key,
    fiscal_year  integer     not null,
    -- e.g. 2020-03 (month) or 2020-T1 (quarter): the granularity in force when the row was created
    period       text        not null,
    period_start date        not null,
    period_end   date        not null,
    region_code  text        not null,
    state        text        not null check (state in
                     ('ABIERTO', 'PRESENTADO', 'APROBADO', 'OBSERVADO', 'PENDIENTE_REAPROBACION')),
    -- optimistic concurrency: every transition adds one; a transition on a stale version changes nothing (409)
    version      integer     not null default 0,
    changed_by   text,
    changed_at   timestamptz,
    -- the comment of the last observation (mandatory there), else of the last transition
    last_comment text,
    unique (fiscal_year, period, region_code),
    check (period_start <= period_end)
);

-- ingest looks up the periods a batch's reports fall in by region and date
create index review_period_by_date on review_period (region_code, period_start, period_end);

-- Every transition, staff's and ingest's (late data), in order.
create table review_transition (
    id         bigint      generated always as identity primary key,
    period_id  bigint      not null references review_period (id),
    from_state text        not null,
    to_state   text        not null,
    actor      text        not null,
    acted_at   timestamptz not null default now(),
    comment    text
);

create index review_transition_period on review_transition (period_id, id);

-- The consolidated figures of a region and period frozen at each approval (a re-approval adds one: history kept).
create table review_snapshot (
    id           bigint      generated always as identity primary key,
    period_id    bigint      not null references review_period (id),
    approved_by  text        not null,
    approved_at  timestamptz not null,
    plan_version integer     not null,
    as_of        date        not null,
    figures      jsonb       not null
);

create index review_snapshot_period on review_snapshot (period_id, id);

-- Reports accepted into a period after it was approved (late data), with the snapshot they came after.
create table review_late_report (
    period_id   bigint      not null references review_period (id),
    message_id  uuid        not null references report (message_id),
    snapshot_id bigint      references review_snapshot (id),
    recorded_at timestamptz not null default now(),
    primary key (period_id, message_id)
);

-- One row per national period: approvals of its regions lock it, so exactly one of them sees the last region
-- approved; approved_at is set each time every region with operations becomes approved.
create table review_national_period (
    fiscal_year  integer     not null,
    period       text        not null,
    approvals    integer     not null default 0,
    approved_by  text,
    approved_at  timestamptz,
    primary key (fiscal_year, period)
);
