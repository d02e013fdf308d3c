-- Security, round two (issue 13).

-- ---------------------------------------------------------------- a change of rights takes effect at once
-- Every session remembers the rights_version its user had at sign-in; a request whose session holds another
-- version than the row is signed out (org.gcmreview.identity.RightsCheck). The trigger bumps the version on any
-- change of what the user may reach, whichever code (or administrator with psql) makes it.
alter table app_user add column rights_version bigint not null default 0;

create function app_user_bump_rights_version() returns trigger language plpgsql as $$
begin
    if new.enabled is distinct from old.enabled or new.role is distinct from old.role
            or new.country_iso3 is distinct from old.country_iso3 or new.ministry_id is distinct from old.ministry_id
            or new.organisation_id is distinct from old.organisation_id
            or new.commission_code is distinct from old.commission_code then
        new.rights_version := old.rights_version + 1;
    else
        -- nobody sets it by hand, e.g. back to the value an old session holds
        new.rights_version := old.rights_version;
    end if;
    return new;
end $$;

create trigger app_user_rights_version before update on app_user
    for each row execute function app_user_bump_rights_version();

-- ---------------------------------------------------------------- the audit log's own actors are nobody's name
alter table app_user add constraint app_user_username_not_reserved
    check (lower(username) not in ('system', 'individual', 'anonymous'));

-- ---------------------------------------------------------------- login locks per account and address
-- A lock on a user name alone let anybody keep its owner out; now a user name is locked only for the address
-- that failed with it (strikes make each further lock longer), and an address that fails with many names is
-- locked for all of them.
delete from login_lock where kind = 'USERNAME';
alter table login_lock drop constraint login_lock_kind_check;
alter table login_lock add constraint login_lock_kind_check check (kind in ('ACCOUNT_ADDRESS', 'ADDRESS'));
alter table login_lock alter column subject type varchar(300);
alter table login_lock alter column kind type varchar(20);
alter table login_lock add column strikes integer not null default 1;

-- ---------------------------------------------------------------- evidence of a frozen version stays
-- A report section's file that existed when a version was frozen is part of what that version (and so a
-- submission) refers to: nobody deletes or changes it afterwards, like the version itself (V1).
create function refuse_frozen_evidence_change() returns trigger language plpgsql as $$
begin
    if old.owner_kind = 'REPORT_SECTION' and exists (
            select 1 from report_version v where v.cycle_id = old.cycle_id and v.frozen_at >= old.uploaded_at) then
        raise exception 'attachment % is evidence of a frozen report version', old.public_id
            using errcode = 'integrity_constraint_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger attachment_frozen_evidence_is_kept before update or delete on attachment
    for each row execute function refuse_frozen_evidence_change();
