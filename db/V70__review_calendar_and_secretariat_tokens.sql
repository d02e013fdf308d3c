-- Review calendar and the secretariats' API tokens (submission feature).

-- The GCM review cycle a round belongs to (e.g. '2026': the regional reviews before the 2026 forum and the
-- forum edition itself). A commission holds one regional round per cycle and there is one IMRF edition per
-- cycle. Rounds written without it (seeders and tests that predate the calendar) take the part of their code
-- after the last '-', which is how every round code so far was built ('ECA-2026').
alter table review_round add column cycle_code varchar(20);
update review_round set cycle_code = substring(code from '([^-]+)$') where cycle_code is null;

create function review_round_default_cycle_code() returns trigger language plpgsql as $$
begin
    if new.cycle_code is null then
        new.cycle_code := substring(new.code from '([^-]+)$');
    end if;
    return new;
end;
$$;
create trigger review_round_cycle_code before insert on review_round
    for each row execute function review_round_default_cycle_code();

alter table review_round alter column cycle_code set not null;
alter table review_round add constraint review_round_cycle_code_format check (cycle_code ~ '^[A-Za-z0-9_]+$');
create unique index review_round_one_per_commission_and_cycle on review_round (commission_code, cycle_code)
    where kind = 'REGIONAL';
create unique index review_round_one_imrf_edition_per_cycle on review_round (cycle_code) where kind = 'IMRF';
alter table review_round add column updated_at timestamptz;
alter table review_round add column updated_by bigint references app_user (id);

-- Read-only API tokens of secretariat users. Only the SHA-256 of a token is kept: the token itself is shown once,
-- when it is created. The scope (role and commission) is fixed at creation; a token stops working when its user
-- is disabled or no longer has that role and commission, and when it is revoked.
create table secretariat_api_token (
    id bigserial primary key,
    user_id bigint not null references app_user (id),
    name text not null check (length(trim(name)) between 1 and 80),
    token_sha256 char(64) not null unique,
    -- the first characters of the token, so its owner can tell tokens apart without the secret
    token_prefix varchar(16) not null,
    role varchar(30) not null check (role in ('REGIONAL_SECRETARIAT', 'IMRF_SECRETARIAT')),
    commission_code varchar(6) references regional_commission (code),
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    check ((role = 'REGIONAL_SECRETARIAT') = (commission_code is not null))
);
create index secretariat_api_token_user_idx on secretariat_api_token (user_id, created_at);
