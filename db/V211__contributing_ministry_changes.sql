-- Issue 14.2: the coordinator adds a contributing ministry to a cycle, or removes one, after scoping (while the
-- ministries draft). Each change with its reason: a record shown on the progress page.
create table cycle_ministry_change (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    ministry_id bigint not null references ministry (id),
    change varchar(10) not null check (change in ('ADDED', 'REMOVED')),
    -- the objectives the ministry was given (ADDED) or gave back to the coordinator (REMOVED), e.g. "3, 7"
    objectives text not null default '',
    reason text not null check (length(trim(reason)) > 0),
    ministry_name text not null,
    decided_by varchar(200) not null,
    decided_at timestamptz not null default now()
);
create index cycle_ministry_change_cycle on cycle_ministry_change (cycle_id);
