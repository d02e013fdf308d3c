-- Issue 14.5: a coordinator withdraws a cycle at any stage; an administrator may reopen it.
-- One row per withdrawal (a cycle reopened and withdrawn again has two), never deleted: the audit trail
-- of why a country stopped, and from which stage it was picked up again.
create table cycle_withdrawal (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    stage varchar(30) not null,
    reason text not null check (length(trim(reason)) > 0),
    withdrawn_by bigint not null references app_user (id),
    withdrawn_at timestamptz not null default now(),
    process_instance_id varchar(64) not null,
    reopened_by bigint references app_user (id),
    reopened_at timestamptz,
    reopen_reason text,
    check ((reopened_at is null) = (reopened_by is null))
);
create index cycle_withdrawal_cycle_idx on cycle_withdrawal (cycle_id, withdrawn_at desc);
-- at most one withdrawal of a cycle waits to be reopened
create unique index cycle_withdrawal_open_idx on cycle_withdrawal (cycle_id) where reopened_at is null;

-- the consultation closes with a public notice saying so
alter table consultation_window add column withdrawn_at timestamptz;
alter table consultation_window add column withdrawal_notice text;

-- a withdrawn cycle's open submissions are withdrawn, not superseded: nothing replaces them
alter table submission drop constraint submission_status_check;
alter table submission add constraint submission_status_check check (status in
    ('SUBMITTED', 'CLARIFICATION_REQUESTED', 'ACKNOWLEDGED', 'REGISTERED', 'SUPERSEDED', 'WITHDRAWN'));
