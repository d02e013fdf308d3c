-- Out of office (org.gcmreview.identity): a person names a deputy for a period; while it runs, the tasks offered
-- to the person's groups are offered to the deputy too (the inbox and the task pages ask for them), and the deputy
-- gets the notices of tasks offered. Ended early by setting ended_at; never deleted (the audit log refers to it).
create table deputy (
    id bigserial primary key,
    user_id bigint not null references app_user (id),
    deputy_id bigint not null references app_user (id),
    starts_on date not null,
    ends_on date not null,
    created_at timestamptz not null default now(),
    ended_at timestamptz,
    check (ends_on >= starts_on),
    check (user_id <> deputy_id)
);
create index deputy_deputy_idx on deputy (deputy_id) where ended_at is null;
create index deputy_user_idx on deputy (user_id) where ended_at is null;
