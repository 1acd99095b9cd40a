-- Consolidation: what ingest attaches to each accepted report (its enrichment). The rollups (action, objective,
-- entity, status, alerts) depend on the "as of" date and are computed at read time from consolidated_progress,
-- consolidated_spend and the plan; see docs/consolidation.md.

create table report_enrichment (
    message_id            uuid          primary key references report (message_id),
    plan_version          integer       not null,
    objective_code        text          not null,
    action_code           text          not null,
    action_weight         integer       not null,
    target_value          numeric,
    target_kind           text          not null,
    operation_start       date          not null,
    operation_end         date          not null,
    region_name           text,
    -- the report's date: period end (progress) or spent-on (expenditure); the fiscal year is the calendar year
    report_date           date          not null,
    fiscal_month          smallint      not null check (fiscal_month between 1 and 12),
    fiscal_quarter        smallint      not null check (fiscal_quarter between 1 and 4),
    -- progress reports: percentages of the operation's target, variance in percentage points
    achieved_percent      numeric(9, 2),
    planned_percent       numeric(5, 2),
    schedule_variance     numeric(9, 2),
    -- expenditure reports: the budget line charged (null when the operation has none for the object code), the
    -- national cumulative spend on that line after this report and its execution rate
    budget_object_code    text,
    budget_funding_source text,
    budget_amount         numeric(16, 2),
    cumulative_spend      numeric(16, 2),
    execution_percent     numeric(9, 2)
);
