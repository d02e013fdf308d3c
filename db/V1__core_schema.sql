-- gcm-review core schema. Camunda keeps its own ACT_* tables in the same database;
-- process variables carry ids and decisions only, the domain state lives here.

-- ---------------------------------------------------------------- reference
create table regional_commission (
    code varchar(6) primary key,
    name text not null
);

create table country (
    iso3 char(3) primary key,
    name text not null,
    commission_code varchar(6) not null references regional_commission (code)
);
create index country_commission_idx on country (commission_code);

create table objective (
    number smallint primary key check (number between 1 and 23),
    short_title text not null,
    title text not null
);

create table objective_action (
    objective_number smallint not null references objective (number),
    letter varchar(3) not null,
    text text not null,
    primary key (objective_number, letter)
);

create table objective_sdg_target (
    objective_number smallint not null references objective (number),
    target varchar(10) not null,
    position smallint not null,
    primary key (objective_number, target)
);

create table guiding_principle (
    number smallint primary key,
    name text not null,
    description text not null
);

create table stakeholder_type (
    code varchar(40) primary key,
    name text not null,
    position smallint not null
);

-- ---------------------------------------------------------------- identity
create table ministry (
    id bigserial primary key,
    country_iso3 char(3) not null references country (iso3),
    code varchar(40) not null check (code ~ '^[A-Z0-9_]+$'),
    name text not null,
    unique (country_iso3, code)
);

create table organisation (
    id bigserial primary key,
    country_iso3 char(3) not null references country (iso3),
    name text not null,
    stakeholder_type varchar(40) not null references stakeholder_type (code),
    contact_name text,
    contact_email text,
    verified boolean not null default false,
    verified_at timestamptz,
    verified_by bigint,
    created_at timestamptz not null default now(),
    unique (country_iso3, name)
);

create table app_user (
    id bigserial primary key,
    username varchar(80) not null unique,
    password_hash text not null,
    display_name text not null,
    email text,
    role varchar(30) not null check (role in
        ('COORDINATOR', 'MINISTRY', 'STAKEHOLDER', 'REGIONAL_SECRETARIAT', 'IMRF_SECRETARIAT', 'ADMIN')),
    country_iso3 char(3) references country (iso3),
    ministry_id bigint references ministry (id),
    organisation_id bigint references organisation (id),
    commission_code varchar(6) references regional_commission (code),
    preferred_language varchar(8),
    enabled boolean not null default true,
    created_at timestamptz not null default now(),
    -- each role is scoped to exactly what it needs
    check (role <> 'COORDINATOR' or (country_iso3 is not null and ministry_id is null and organisation_id is null)),
    check (role <> 'MINISTRY' or (country_iso3 is not null and ministry_id is not null)),
    check (role <> 'STAKEHOLDER' or (country_iso3 is not null and organisation_id is not null)),
    check (role <> 'REGIONAL_SECRETARIAT' or commission_code is not null)
);
alter table organisation add foreign key (verified_by) references app_user (id);

-- ---------------------------------------------------------------- review rounds (regional and IMRF)
create table review_round (
    id bigserial primary key,
    kind varchar(10) not null check (kind in ('REGIONAL', 'IMRF')),
    commission_code varchar(6) references regional_commission (code),
    code varchar(40) not null unique,
    name text not null,
    submission_deadline date not null,
    process_instance_id varchar(64),
    created_at timestamptz not null default now(),
    check ((kind = 'REGIONAL') = (commission_code is not null))
);

-- ---------------------------------------------------------------- review cycle (one per country and cycle)
create table review_cycle (
    id bigserial primary key,
    country_iso3 char(3) not null references country (iso3),
    code varchar(40) not null check (code ~ '^[A-Za-z0-9_-]+$'),
    business_key varchar(64) not null unique,
    title text not null,
    regional_round_id bigint references review_round (id),
    imrf_round_id bigint references review_round (id),
    period_start date,
    period_end date,
    drafting_due date,
    status varchar(30) not null default 'SCOPING',
    process_instance_id varchar(64),
    started_by bigint not null references app_user (id),
    started_at timestamptz not null default now(),
    last_activity_at timestamptz not null default now(),
    published_at timestamptz,
    unique (country_iso3, code)
);
create index review_cycle_regional_round_idx on review_cycle (regional_round_id);

create table cycle_objective (
    cycle_id bigint not null references review_cycle (id),
    objective_number smallint not null references objective (number),
    primary key (cycle_id, objective_number)
);

-- which ministry drafts which objective; one lead per objective, others contribute
create table ministry_assignment (
    cycle_id bigint not null references review_cycle (id),
    ministry_id bigint not null references ministry (id),
    objective_number smallint not null references objective (number),
    lead boolean not null default false,
    primary key (cycle_id, ministry_id, objective_number)
);
create unique index ministry_assignment_one_lead on ministry_assignment (cycle_id, objective_number) where lead;

-- ---------------------------------------------------------------- report
create table report_section (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    kind varchar(20) not null check (kind in ('INTRODUCTION', 'POLICY', 'OBJECTIVE', 'MEANS', 'NEXT_STEPS')),
    objective_number smallint references objective (number),
    position smallint not null,
    title text not null,
    body text not null default '',
    implementation_status varchar(20) check (implementation_status in
        ('NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED')),
    lock_version integer not null default 0,
    updated_by bigint references app_user (id),
    updated_at timestamptz not null default now(),
    check ((kind = 'OBJECTIVE') = (objective_number is not null))
);
create unique index report_section_unique on report_section (cycle_id, kind, coalesce(objective_number, 0));

create table section_revision (
    id bigserial primary key,
    section_id bigint not null references report_section (id),
    revision_no integer not null,
    body text not null,
    implementation_status varchar(20),
    author_id bigint not null references app_user (id),
    created_at timestamptz not null default now(),
    note text,
    unique (section_id, revision_no)
);

-- a ministry's draft for one objective
create table contribution (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    ministry_id bigint not null references ministry (id),
    objective_number smallint not null references objective (number),
    body text not null default '',
    implementation_status varchar(20) check (implementation_status in
        ('NOT_STARTED', 'PLANNED', 'IN_PROGRESS', 'IMPLEMENTED')),
    lock_version integer not null default 0,
    updated_by bigint references app_user (id),
    updated_at timestamptz not null default now(),
    submitted_at timestamptz,
    unique (cycle_id, ministry_id, objective_number)
);

create table contribution_revision (
    id bigserial primary key,
    contribution_id bigint not null references contribution (id),
    revision_no integer not null,
    body text not null,
    implementation_status varchar(20),
    author_id bigint not null references app_user (id),
    created_at timestamptz not null default now(),
    unique (contribution_id, revision_no)
);

-- a frozen, immutable version of the whole report
create table report_version (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    version_no integer not null,
    content text not null,
    sha256 char(64) not null,
    frozen_at timestamptz not null default now(),
    unique (cycle_id, version_no)
);

-- ---------------------------------------------------------------- sign-off
create table signoff_decision (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    round_no integer not null,
    ministry_id bigint not null references ministry (id),
    decision varchar(20) not null check (decision in ('APPROVED', 'CHANGES_REQUESTED')),
    reason text,
    decided_by bigint not null references app_user (id),
    decided_at timestamptz not null default now(),
    unique (cycle_id, round_no, ministry_id),
    check (decision = 'APPROVED' or length(trim(coalesce(reason, ''))) > 0)
);

create table endorsement (
    cycle_id bigint primary key references review_cycle (id),
    report_version_id bigint not null references report_version (id),
    endorsed_by bigint not null references app_user (id),
    endorsed_at timestamptz not null default now(),
    note text
);

-- ---------------------------------------------------------------- consultation
create table consultation_window (
    id bigserial primary key,
    cycle_id bigint not null unique references review_cycle (id),
    opens_at timestamptz not null,
    closes_at timestamptz not null,
    status varchar(12) not null default 'SCHEDULED' check (status in ('SCHEDULED', 'OPEN', 'CLOSED')),
    allow_individuals boolean not null default false,
    closed_at timestamptz,
    check (closes_at > opens_at)
);

create table consultation_input (
    id bigserial primary key,
    window_id bigint not null references consultation_window (id),
    reference varchar(40) not null unique,
    idempotency_key uuid not null unique,
    organisation_id bigint references organisation (id),
    author_user_id bigint references app_user (id),
    author_name text,
    author_email text,
    objective_number smallint references objective (number),
    section_kind varchar(20),
    language varchar(8) not null default 'en',
    body text not null,
    status varchar(12) not null default 'RECEIVED' check (status in ('RECEIVED', 'PUBLISHED', 'HIDDEN')),
    moderation_reason text,
    submitted_at timestamptz not null default now(),
    response_outcome varchar(12) check (response_outcome in ('ACCEPTED', 'PARTLY', 'NOT_ACCEPTED')),
    response_text text,
    responded_by bigint references app_user (id),
    responded_at timestamptz
);
create index consultation_input_window_idx on consultation_input (window_id, submitted_at);

-- ---------------------------------------------------------------- submission
create table submission (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    round_id bigint not null references review_round (id),
    report_version_id bigint not null references report_version (id),
    kind varchar(10) not null check (kind in ('REGIONAL', 'IMRF')),
    status varchar(30) not null check (status in
        ('SUBMITTED', 'CLARIFICATION_REQUESTED', 'ACKNOWLEDGED', 'REGISTERED', 'SUPERSEDED')),
    cover_note text,
    submitted_by bigint references app_user (id),
    submitted_at timestamptz not null default now(),
    response_message text,
    responded_by bigint references app_user (id),
    responded_at timestamptz
);
create index submission_cycle_idx on submission (cycle_id);
create index submission_round_idx on submission (round_id, status);

-- ---------------------------------------------------------------- audit
create table audit_event (
    id bigserial primary key,
    occurred_at timestamptz not null default now(),
    actor varchar(80),
    action varchar(60) not null,
    country_iso3 char(3),
    subject_type varchar(40),
    subject_id varchar(64),
    details text
);
create index audit_event_country_idx on audit_event (country_iso3, occurred_at);

-- ---------------------------------------------------------------- immutability of frozen versions
-- A frozen report version is evidence: no update or delete, ever. A change makes a new version.
create function refuse_report_version_change() returns trigger language plpgsql as $$
begin
    raise exception 'report_version % is frozen and cannot be changed', old.id;
end;
$$;
create trigger report_version_is_immutable before update or delete on report_version
    for each row execute function refuse_report_version_change();
