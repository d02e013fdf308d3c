-- Issue 14.4: each publication of a cycle's report, one row per version made public. The first comes with
-- PublishReport; a version endorsed after a clarification changed the published text is public only once the
-- coordinator publishes it in turn. The public page shows the version published last; each earlier one stays
-- reachable at its own address. Cycles published before this table have no row: their public version is the
-- one endorsed last, as before. Owned by org.gcmreview.submission.
create table report_publication (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    report_version_id bigint not null references report_version (id),
    published_by text not null,
    published_at timestamptz not null default now(),
    unique (cycle_id, report_version_id)
);
