-- Two-factor sign-in with TOTP (org.gcmreview.identity.TwoFactor, issue 18).

-- One authenticator per account. confirmed_at is null while the owner is still setting it up (the secret was
-- shown, no code from it was typed yet): such a credential asks for nothing at sign-in. last_used_step is the
-- 30-second step of the last code accepted: a code works once, and no older code works after it.
-- The secret must be readable to check codes, so it is stored as it is; only administrators of the database see it.
create table totp_credential (
    user_id bigint primary key references app_user (id),
    secret varchar(64) not null,
    created_at timestamptz not null default now(),
    confirmed_at timestamptz,
    last_used_step bigint not null default -1
);

-- Recovery codes, shown once when two-factor sign-in is turned on: only their SHA-256 is stored, each works once.
create table recovery_code (
    id bigserial primary key,
    user_id bigint not null references app_user (id),
    code_sha256 char(64) not null,
    used_at timestamptz
);
create index recovery_code_user_idx on recovery_code (user_id);

-- Countries that require two-factor sign-in of their coordinator and ministry focal points, set by the
-- coordinator or an administrator.
create table two_factor_country (
    country_iso3 char(3) primary key references country (iso3),
    required_by varchar(80) not null,
    required_at timestamptz not null default now()
);
