-- Onboarding a country (org.gcmreview.people): ministries are kept by the country's coordinator, accounts are made
-- by invitation and get their password through a single-use link.

-- A ministry is renamed or retired, never deleted: past cycles, contributions and sign-off decisions refer to it.
-- languages: the language codes the ministry works in, comma-separated (e.g. 'en,fr').
alter table ministry add column languages varchar(40) not null default '';
alter table ministry add column retired_at timestamptz;

-- A cycle keeps the name each ministry had when the cycle was scoped, so a later rename does not rewrite the
-- past: progress, contributions, sign-off decisions and revision history of the cycle show this name.
alter table ministry_assignment add column ministry_name text;
update ministry_assignment a set ministry_name = m.name from ministry m where m.id = a.ministry_id;

-- A single-use link to set a password: for the first administrator (printed to the log) and for invited
-- accounts (mailed). Only the SHA-256 of the token is stored; the link expires and works once.
create table password_link (
    id bigserial primary key,
    user_id bigint not null references app_user (id),
    token_sha256 char(64) not null unique,
    purpose varchar(20) not null check (purpose in ('BOOTSTRAP', 'INVITATION')),
    created_by varchar(80),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
);
create index password_link_user_idx on password_link (user_id);
