-- Reconciliation of the financial system with what the regions reported. Each run is kept with what it was computed
-- "as of": the extracts in force, the cut-off date, the time and the tolerance; the read API shows the newest run
-- of a period. A run is recomputed after each extract and when late regional reports change a reconciled period.

create table finance_reconciliation_run (
    id                   bigint         generated always as identity primary key,
    fiscal_year          integer        not null,
    cut_off              date           not null,
    execution_extract_id bigint         references finance_extract (id),
    voucher_extract_id   bigint         references finance_extract (id),
    mapping_id           bigint         references budget_mapping_version (id),
    tolerance            numeric(15, 2) not null check (tolerance >= 0),
    -- the newest regional report the run saw (received_at), so a later one marks the run stale
    reports_as_of        timestamptz,
    computed_at          timestamptz    not null default now(),
    trigger              text           not null,
    check (execution_extract_id is not null or voucher_extract_id is not null)
);

create index finance_reconciliation_run_period on finance_reconciliation_run (fiscal_year, cut_off, id desc);

-- Lines: gestión x operation (through the mapping) x partida x funding column x region (when its DA/UE maps;
-- '' = national / not mapped).
create table finance_reconciliation_line (
    run_id             bigint         not null references finance_reconciliation_run (id),
    operation_code     text           not null,
    partida            text           not null,
    funding_column     text           not null,
    region_code        text           not null,
    programa           text,
    proyecto           text,
    actividad          text,
    fuente             text,
    organismo          text,
    sigep_devengado    numeric(16, 2) not null,
    regional_spent     numeric(16, 2) not null,
    -- sigep minus regions; percent of the financial system's figure (null when it is zero)
    difference         numeric(16, 2) not null,
    difference_percent numeric(9, 2),
    status             text           not null check (status in ('CONCILIADO', 'SOLO_EN_SIGEP', 'SOLO_EN_REGIONALES',
                                                                 'DIFERENCIA')),
    primary key (run_id, operation_code, partida, funding_column, region_code)
);

-- Vouchers: one row per finding (an exact match is a finding too, CONCILIADO, so totals add up).
create table finance_voucher_finding (
    run_id           bigint         not null references finance_reconciliation_run (id),
    finding_no       integer        not null,
    finding          text           not null check (finding in ('CONCILIADO', 'SOLO_EN_SIGEP', 'SOLO_EN_REGIONALES',
                                                                'DIFERENCIA_IMPORTE', 'DIFERENCIA_FECHA',
                                                                'RECLAMADO_DOS_VECES', 'REVERTIDO_SOLO_EN_SIGEP')),
    number           text           not null,
    region_code      text,
    message_id       uuid,
    sigep_amount     numeric(15, 2),
    regional_amount  numeric(15, 2),
    sigep_date       date,
    regional_date    date,
    detail           text           not null,
    primary key (run_id, finding_no)
);

create index finance_voucher_finding_lookup on finance_voucher_finding (run_id, finding, region_code);
