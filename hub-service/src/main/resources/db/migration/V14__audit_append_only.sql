-- The hub's database role cannot change or remove audit rows: any UPDATE, DELETE or TRUNCATE raises. The hub role
-- owns the table (Flyway runs as it), so an owner or a superuser could still disable these triggers; that is what the
-- hash chain is for: verification (GET /api/audit/verification, the verify-audit command) names the first row that
-- no longer matches. Where the deployment separates a migration role from the runtime role, also
-- REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM the runtime role (deploy/README.md).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();
