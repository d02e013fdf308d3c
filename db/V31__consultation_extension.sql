-- Every extension of a consultation window, with its mandatory reason: stakeholders and secretariats can see
-- why a window stayed open longer than announced.
create table consultation_extension (
    id bigserial primary key,
    window_id bigint not null references consultation_window (id),
    previous_closes_at timestamptz not null,
    new_closes_at timestamptz not null,
    reason text not null check (length(trim(reason)) > 0),
    extended_by bigint not null references app_user (id),
    extended_at timestamptz not null default now(),
    check (new_closes_at > previous_closes_at)
);
create index consultation_extension_window_idx on consultation_extension (window_id);
