-- Issue 14.1 / 16.6: the plan of a cycle (its milestone dates, whole days in UTC) and every change to it.
-- Scoping writes the plan; the coordinator changes a date that has not passed yet, with a reason, and the
-- running process follows (timers moved, variables set). review_cycle.drafting_due stays as the cycle's
-- current drafting due date, kept equal to the plan's.
create table cycle_plan (
    cycle_id bigint primary key references review_cycle (id),
    drafting_due date not null,
    reminder_days integer not null check (reminder_days >= 0),
    consultation_opens date not null,
    consultation_closes date not null,
    sign_off_due date not null,
    endorsement_due date not null,
    internal_submission date not null,
    check (consultation_closes >= consultation_opens)
);

create table cycle_plan_change (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    milestone varchar(40) not null,
    previous_date date not null,
    new_date date not null,
    reason text not null check (length(btrim(reason)) > 0),
    -- the user name as it was, so that the history needs no other module's table
    changed_by varchar(320) not null,
    changed_at timestamptz not null default now()
);
create index cycle_plan_change_cycle_idx on cycle_plan_change (cycle_id, changed_at);
