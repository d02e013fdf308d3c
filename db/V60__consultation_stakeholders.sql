-- Stakeholder consultation, the whole-of-society part: organisation registration and verification, what a
-- window is open for, individual inputs confirmed by e-mail, moderation, duplicates, responses linked to the
-- revision that took an input up, and a submission rate limit that holds across application nodes.

-- ---------------------------------------------------------------- organisations
-- A registered organisation is pending until its country's coordinator verifies it (verified = true, V1) or
-- rejects it with a reason. Only verified organisations send inputs as organisations.
alter table organisation add column rejected_at timestamptz;
alter table organisation add column rejected_by bigint references app_user (id);
alter table organisation add column rejection_reason text;
alter table organisation add constraint organisation_one_decision check (not (verified and rejected_at is not null));
alter table organisation add constraint organisation_rejection_reason
    check (rejected_at is null or length(trim(coalesce(rejection_reason, ''))) > 0);
-- "Forum" and "FORUM" are the same organisation to a coordinator: registration refuses the second one under a
-- lock on the lower-cased name (OrganisationRegistry); V1's exact unique (country_iso3, name) stays the constraint.
create index organisation_pending_idx on organisation (country_iso3) where not verified and rejected_at is null;

-- ---------------------------------------------------------------- window
-- The window row may now exist before it opens (status SCHEDULED), so the coordinator can choose beforehand
-- what it is open for and the public page can announce it.
-- targets_chosen = false: every objective in scope and every general section is open (the default).
alter table consultation_window add column targets_chosen boolean not null default false;
-- set when the coordinator completed "Record how each input was addressed": responses are public from then on
alter table consultation_window add column responses_completed_at timestamptz;

create table consultation_open_target (
    window_id bigint not null references consultation_window (id),
    objective_number smallint references objective (number),
    section_kind varchar(20) check (section_kind in ('INTRODUCTION', 'POLICY', 'MEANS', 'NEXT_STEPS')),
    check ((objective_number is null) <> (section_kind is null))
);
create unique index consultation_open_target_unique
    on consultation_open_target (window_id, coalesce(objective_number, 0), coalesce(section_kind, ''));

-- ---------------------------------------------------------------- inputs
-- An individual's input is held until the e-mail address is confirmed through a single-use, expiring link;
-- only the SHA-256 of the token is kept, and it is cleared when used. Organisation inputs are confirmed at once.
alter table consultation_input add column confirmed_at timestamptz;
update consultation_input set confirmed_at = submitted_at;
alter table consultation_input add column confirmation_token_sha256 char(64) unique;
alter table consultation_input add column confirmation_expires_at timestamptz;
alter table consultation_input add constraint consultation_input_author
    check (organisation_id is not null or (author_name is not null and author_email is not null));
alter table consultation_input add constraint consultation_input_token_until_confirmed
    check (confirmed_at is null or confirmation_token_sha256 is null);
alter table consultation_input add constraint consultation_input_body_length
    check (length(body) between 1 and 5000);

-- moderation: hidden needs a reason; a duplicate points at the first input of its group (never at another
-- duplicate, the application keeps groups flat)
alter table consultation_input add column duplicate_of bigint references consultation_input (id);
alter table consultation_input add column moderated_by bigint references app_user (id);
alter table consultation_input add column moderated_at timestamptz;
alter table consultation_input add constraint consultation_input_not_own_duplicate check (duplicate_of <> id);
alter table consultation_input add constraint consultation_input_hidden_reason
    check (status <> 'HIDDEN' or length(trim(coalesce(moderation_reason, ''))) > 0);
create index consultation_input_duplicate_idx on consultation_input (duplicate_of);

-- the report section revision that took the input up (optional)
alter table consultation_input add column response_revision_id bigint references section_revision (id);

-- ---------------------------------------------------------------- rate limit
-- One row per stored submission and subject (an organisation, a client address, an individual's e-mail
-- hash). Checked under a transaction-level advisory lock per subject, so the limit holds when several
-- application nodes share the database. Rows older than the limit's period are deleted as subjects come back.
create table submission_rate_event (
    id bigserial primary key,
    subject varchar(120) not null,
    occurred_at timestamptz not null default now()
);
create index submission_rate_event_subject_idx on submission_rate_event (subject, occurred_at);
