-- Issue 16.2: internal comments on a report section or a ministry's contribution, one level of replies, resolved
-- and reopened. Owned by the report module; never part of a frozen version, the published report or its exports.
create table report_comment (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    section_id bigint references report_section (id),
    contribution_id bigint references contribution (id),
    -- a reply points at the comment that opened the thread (one level only: the opening comment has no parent)
    parent_id bigint references report_comment (id),
    -- the revision of the text the comment was made on (its lock_version then; 0 before the first save)
    revision_no integer not null default 0,
    body text not null check (length(btrim(body)) between 1 and 5000),
    author_id bigint not null references app_user (id),
    created_at timestamptz not null default now(),
    resolved_at timestamptz,
    resolved_by bigint references app_user (id),
    check ((section_id is null) <> (contribution_id is null))
);
create index report_comment_cycle on report_comment (cycle_id, created_at);
create index report_comment_section on report_comment (section_id) where section_id is not null;
create index report_comment_contribution on report_comment (contribution_id) where contribution_id is not null;
create index report_comment_parent on report_comment (parent_id) where parent_id is not null;

-- the comments a sign-off request for changes points at (the sign-off form links them through report's API)
create table report_comment_decision (
    comment_id bigint not null references report_comment (id),
    signoff_decision_id bigint not null references signoff_decision (id),
    primary key (signoff_decision_id, comment_id)
);
