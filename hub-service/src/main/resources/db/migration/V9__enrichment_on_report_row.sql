-- Ingest writes whole batches of reports; every table it writes per report costs a row, an index entry and a foreign
-- key check. So:
-- 1. An accepted report's enrichment moves onto its report row (columns null on rejected reports). The rules are
--    those of V4__consolidation.sql and docs/consolidation.md; report_enrichment stays, as a view, for readers.
-- 2. agent_sequence goes: an agent's highest sequence and missing numbers (agent_sync) already tell whether a
--    sequence number is new, so the table of every number received was written and never read.

alter table report
    add column plan_version          integer,
    add column objective_code        text,
    add column action_code           text,
    add column action_weight         integer,
    add column target_value          numeric,
    add column target_kind           text,
    add column operation_start       date,
    add column operation_end         date,
    add column region_name           text,
    add column report_date           date,
    add column fiscal_month          smallint check (fiscal_month between 1 and 12),
    add column fiscal_quarter        smallint check (fiscal_quarter between 1 and 4),
    add column achieved_percent      numeric(9, 2),
    add column planned_percent       numeric(5, 2),
    add column schedule_variance     numeric(9, 2),
    add column budget_object_code    text,
    add column budget_funding_source text,
    add column budget_amount         numeric(16, 2),
    add column cumulative_spend      numeric(16, 2),
    add column execution_percent     numeric(9, 2),
    -- an enrichment is whole or absent, and only on a report that was not rejected
    add constraint report_enrichment_whole check (plan_version is null or (
        status <> 'REJECTED' and objective_code is not null and action_code is not null
        and action_weight is not null and target_kind is not null and operation_start is not null
        and operation_end is not null and report_date is not null and fiscal_month is not null
        and fiscal_quarter is not null));

update report r set
    plan_version = e.plan_version, objective_code = e.objective_code, action_code = e.action_code,
    action_weight = e.action_weight, target_value = e.target_value, target_kind = e.target_kind,
    operation_start = e.operation_start, operation_end = e.operation_end, region_name = e.region_name,
    report_date = e.report_date, fiscal_month = e.fiscal_month, fiscal_quarter = e.fiscal_quarter,
    achieved_percent = e.achieved_percent, planned_percent = e.planned_percent,
    schedule_variance = e.schedule_variance, budget_object_code = e.budget_object_code,
    budget_funding_source = e.budget_funding_source, budget_amount = e.budget_amount,
    cumulative_spend = e.cumulative_spend, execution_percent = e.execution_percent
from report_enrichment e
where e.message_id = r.message_id;

drop table report_enrichment;

create view report_enrichment as
select message_id, plan_version, objective_code, action_code, action_weight, target_value, target_kind,
       operation_start, operation_end, region_name, report_date, fiscal_month, fiscal_quarter, achieved_percent,
       planned_percent, schedule_variance, budget_object_code, budget_funding_source, budget_amount,
       cumulative_spend, execution_percent
from report
where plan_version is not null;

drop table agent_sequence;
