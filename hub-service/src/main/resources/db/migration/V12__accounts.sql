-- Staff and machine accounts of the hub (docs/security.md). Passwords are stored in Spring Security's delegating
-- format ({bcrypt}..., {argon2}...); '{noop}' plain text is refused by the application unless
-- poa.security.allow-plain-text-passwords is on (local stack and tests only).
create table account (
    name          text        primary key check (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$'),
    password_hash text        not null check (password_hash ~ '^\{[a-z0-9_-]+\}'),
    role          text        not null
        check (role in ('CONSULTA', 'ANALISTA', 'PLANIFICADOR', 'ADMIN', 'REGIONAL', 'AGENTE', 'ESQUEMAS')),
    -- The one region a REGIONAL user sees (authority REGION_<code>); an AGENTE account may name its agent's region.
    region_code   text,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint account_region check (
        (role = 'REGIONAL' and region_code is not null)
        or (role = 'AGENTE')
        or (role not in ('REGIONAL', 'AGENTE') and region_code is null))
);

-- Failed logins per user name (form and HTTP Basic): after poa.security.login-throttle.max-failures within the window
-- the name is locked until locked_until. A successful login deletes the row.
create table login_throttle (
    name          text        primary key,
    failures      integer     not null,
    first_failure timestamptz not null,
    locked_until  timestamptz
);
