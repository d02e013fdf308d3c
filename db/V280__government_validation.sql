-- Issue 14.4: a country may have its government (a cabinet or minister group) validate the endorsed report.

-- Members of the country's government group (Camunda candidate group government-<ISO3>): accounts of the
-- country's team (coordinator or ministry) that the coordinator or an administrator names. A change of it changes
-- what the account may reach, so it ends the account's open sessions like any change of rights.
alter table app_user add column government_member boolean not null default false;

create or replace function app_user_bump_rights_version() returns trigger language plpgsql as $$
begin
    if new.enabled is distinct from old.enabled or new.role is distinct from old.role
            or new.country_iso3 is distinct from old.country_iso3 or new.ministry_id is distinct from old.ministry_id
            or new.organisation_id is distinct from old.organisation_id
            or new.commission_code is distinct from old.commission_code
            or new.government_member is distinct from old.government_member
            or new.rights_version > old.rights_version then
        new.rights_version := old.rights_version + 1;
    else
        new.rights_version := old.rights_version;
    end if;
    return new;
end $$;

-- The country's setting: present = validation switched on, naming the group (owned by org.gcmreview.signoff).
create table government_validation (
    country_iso3 char(3) primary key references country (iso3),
    group_name text not null check (length(group_name) between 1 and 200),
    switched_on_by text not null,
    switched_on_at timestamptz not null default now()
);

-- The government's decision on an endorsed version: validated, or returned with a reason.
create table government_decision (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    report_version_id bigint not null references report_version (id),
    version_no int not null,
    group_name text not null,
    decision text not null check (decision in ('VALIDATED', 'RETURNED')),
    comment text,
    decided_by text not null,
    decided_at timestamptz not null default now()
);
create index government_decision_cycle_idx on government_decision (cycle_id);
