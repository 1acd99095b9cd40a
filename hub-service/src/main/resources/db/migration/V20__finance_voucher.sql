-- Voucher listings (comprobantes C-31) of a COMPROBANTES extract. A reversal (reversión, total or partial) is a
-- voucher of its own, with a negative amount, pointing at the voucher it reverses.

create table finance_voucher (
    extract_id        bigint         not null references finance_extract (id),
    line_no           integer        not null,
    source_row        integer        not null,
    -- as written in the file, and normalised (upper case, no spaces, no prefix such as 'C-31 Nº', no leading zeros)
    -- for matching with the regions' documentNumber; the normalisation is FinanceVoucherNumber's, in code, once
    number_raw        text           not null,
    number            text           not null check (number <> ''),
    voucher_date      date           not null,
    stage             text           not null check (stage in ('PREVENTIVO', 'COMPROMISO', 'DEVENGADO', 'PAGADO')),
    state             text           not null check (state in ('ELABORADO', 'VERIFICADO', 'APROBADO')),
    da                text           not null,
    ue                text           not null,
    partida           text           not null check (partida ~ '^\d{5}$'),
    fuente            text           not null,
    organismo         text           not null,
    amount            numeric(15, 2) not null,
    beneficiary       text           not null,
    -- on a reversal: the normalised number of the voucher it reverses, and whether it reverses all of it
    reverses_number   text,
    reversal_kind     text           check (reversal_kind in ('TOTAL', 'PARCIAL')),
    primary key (extract_id, line_no),
    unique (extract_id, number),
    check ((reverses_number is null) = (reversal_kind is null)),
    check (reverses_number is null or amount < 0),
    check (reverses_number is not null or amount >= 0)
);

create index finance_voucher_reversal on finance_voucher (extract_id, reverses_number) where reverses_number is not null;

-- Regional expenditure reports are matched by their normalised documentNumber.
create index report_expenditure_document on report (fiscal_year, upper(document_number)) where kind = 'EXPENDITURE';
