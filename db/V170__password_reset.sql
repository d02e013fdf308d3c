-- Password reset through a single-use mailed link (org.gcmreview.people.PasswordResets, issue 18).

-- A reset link is a set-password link like an invitation's: only its SHA-256 is stored, it expires, works once.
alter table password_link drop constraint password_link_purpose_check;
alter table password_link add constraint password_link_purpose_check
    check (purpose in ('BOOTSTRAP', 'INVITATION', 'RESET'));
create index password_link_recent_idx on password_link (user_id, purpose, created_at);

-- Requests for a reset link per client address, to limit how many one address may ask for (whatever address it
-- types in); rows older than the window are deleted as new ones come.
create table password_reset_request (
    id bigserial primary key,
    client_address varchar(64) not null,
    requested_at timestamptz not null default now()
);
create index password_reset_request_address_idx on password_reset_request (client_address, requested_at);

-- A new password replacing an old one ends the account's open sessions (org.gcmreview.identity.RightsCheck):
-- UserAccountRepository.endSessions bumps the version explicitly. The trigger lets an explicit bump by one
-- stand; setting the version back (to the value an old session holds) stays impossible.
create or replace function app_user_bump_rights_version() returns trigger language plpgsql as $$
begin
    if new.enabled is distinct from old.enabled or new.role is distinct from old.role
            or new.country_iso3 is distinct from old.country_iso3 or new.ministry_id is distinct from old.ministry_id
            or new.organisation_id is distinct from old.organisation_id
            or new.commission_code is distinct from old.commission_code
            or new.rights_version > old.rights_version then
        new.rights_version := old.rights_version + 1;
    else
        new.rights_version := old.rights_version;
    end if;
    return new;
end $$;
