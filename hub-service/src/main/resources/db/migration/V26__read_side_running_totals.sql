-- Running totals for the read side, kept by ingest in the batch's transaction like consolidated_spend (V3).
-- Measured with 1,000,000 reports and 90 agents (docs/benchmarks.md, "Read endpoints"): every endpoint built on the
-- year's figures counted the year's reports by status with a scan of the report table (about 340 ms); the S-curve
-- recomputed every month from the report table (2.3 s); the agents view walked every agent's sequence numbers to find
-- gaps that are almost never there (0.46 s).

-- Reports per fiscal year x region x status (ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED), as the report table holds them.
create table report_count (
    fiscal_year integer not null,
    region_code text    not null,
    status      text    not null check (status in ('ACCEPTED', 'ACCEPTED_WITH_WARNINGS', 'REJECTED')),
    reports     bigint  not null check (reports >= 0),
    primary key (fiscal_year, region_code, status)
);

insert into report_count (fiscal_year, region_code, status, reports)
select fiscal_year, region_code, status, count(*)
from report
group by fiscal_year, region_code, status;

-- Per fiscal month (of the report's date) x operation x region: the latest accepted progress report of the month
-- (newest period end; on a tie the one ingested last) and how many there were.
create table monthly_progress (
    fiscal_year      integer        not null,
    fiscal_month     smallint       not null check (fiscal_month between 1 and 12),
    operation_code   text           not null,
    region_code      text           not null,
    achieved_value   numeric(18, 4) not null,
    percent_complete numeric(5, 2),
    period_end       date           not null,
    reports          integer        not null check (reports > 0),
    primary key (fiscal_year, fiscal_month, operation_code, region_code)
);

insert into monthly_progress (fiscal_year, fiscal_month, operation_code, region_code, achieved_value,
                              percent_complete, period_end, reports)
select fiscal_year, fiscal_month, operation_code, region_code, achieved_value, percent_complete, period_end, reports
from (select distinct on (fiscal_year, operation_code, region_code, fiscal_month)
             fiscal_year, fiscal_month, operation_code, region_code, achieved_value, percent_complete, period_end,
             count(*) over (partition by fiscal_year, operation_code, region_code, fiscal_month) as reports
      from report
      where kind = 'PROGRESS' and plan_version is not null
      order by fiscal_year, operation_code, region_code, fiscal_month, period_end desc, committed_at desc,
               kafka_offset desc) latest;

-- Per fiscal month x operation x region x object code x funding column: the accepted expenditure (reversals included).
create table monthly_spend (
    fiscal_year    integer        not null,
    fiscal_month   smallint       not null check (fiscal_month between 1 and 12),
    operation_code text           not null,
    region_code    text           not null,
    object_code    text           not null,
    funding_source text           not null,
    spent          numeric(15, 2) not null,
    reports        integer        not null check (reports > 0),
    primary key (fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source)
);

insert into monthly_spend (fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source,
                           spent, reports)
select fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source, sum(amount), count(*)
from report
where kind = 'EXPENDITURE' and plan_version is not null
group by fiscal_year, fiscal_month, operation_code, region_code, object_code, funding_source;

-- How many distinct sequence numbers (agent_sequence rows) each agent has sent: when it equals the highest number,
-- numbers start at 1 and are unique, so there is no gap and the view need not look for one.
alter table agent_sync_state add column received_sequences bigint not null default 0;

update agent_sync_state s
set received_sequences = (select count(*) from agent_sequence q where q.agent_id = s.agent_id);

-- As V10's view; the gaps are looked for only for an agent with a number missing (a one-time filter per agent).
create or replace view agent_sync as
select s.agent_id, s.region_code, s.last_message_id, s.last_reported_at, s.last_received_at, s.highest_sequence,
       coalesce(g.first_missing - 1, s.highest_sequence) as highest_contiguous_sequence,
       coalesce(g.missing, '{}') as missing_sequences
from agent_sync_state s
left join lateral (
    select min(m) as first_missing, array_agg(m order by m) as missing
    from (select generate_series(r.previous + 1, r.sequence - 1) as m
          from (select q.sequence, lag(q.sequence, 1, 0::bigint) over (order by q.sequence) as previous
                from agent_sequence q
                where q.agent_id = s.agent_id and s.received_sequences < s.highest_sequence) r
          where r.sequence > r.previous + 1) gaps
) g on true;
