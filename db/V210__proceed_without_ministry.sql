-- Issue 14.2: the coordinator proceeds without a ministry that has not answered (its drafting or its sign-off).
-- The reason is a record shown on the progress page, in the sign-off record and with the report's methodology.
create table ministry_absence (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    ministry_id bigint not null references ministry (id),
    stage varchar(20) not null check (stage in ('DRAFTING', 'SIGN_OFF')),
    reason text not null check (length(trim(reason)) > 0),
    -- the coordinator's user name as it was (no join to identity's table needed to show it)
    decided_by varchar(200) not null,
    decided_at timestamptz not null default now()
);
create index ministry_absence_cycle on ministry_absence (cycle_id);

-- A sign-off the coordinator ended without the ministry is a decision of the round (it counts as decided).
alter table signoff_decision drop constraint signoff_decision_decision_check;
alter table signoff_decision add constraint signoff_decision_decision_check
    check (decision in ('APPROVED', 'CHANGES_REQUESTED', 'PROCEEDED_WITHOUT'));
