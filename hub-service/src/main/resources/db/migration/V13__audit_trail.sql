-- The audit trail of staff actions (docs/security.md, "Audit trail"). Append-only (V14) and tamper-evident: each row's
-- hash is SHA-256 over its canonical content and the previous row's hash (org.poahub.hub.audit.AuditChain), so changing,
-- inserting or removing a row in the middle breaks the chain at that row. 'before'/'after' are json (not jsonb) so the
-- exact text that was hashed is kept.
create table audit_event (
    id          bigint      generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    target      text        not null,
    before      json        not null,
    after       json        not null,
    prev_hash   text        not null,
    hash        text        not null unique
);

create index audit_event_search on audit_event (occurred_at, actor, action);
