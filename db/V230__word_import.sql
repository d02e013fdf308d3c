-- A ministry's uploaded .docx, mapped back and checked, waiting for the uploader to confirm the differences
-- (org.gcmreview.report, issue 16.1). Held in the database rather than the session so that the confirmation
-- may reach any app node; nothing of it is a revision until confirmed. Rows expire (expires_at) and are deleted
-- on confirmation, on the next upload and when found expired.
create table word_import (
    id uuid primary key,
    cycle_id bigint not null references review_cycle (id),
    ministry_id bigint not null references ministry (id),
    task_id varchar(64) not null,
    uploaded_by bigint not null references app_user (id),
    file_name text not null,
    file_sha256 char(64) not null,
    language varchar(35) not null,
    edits text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
);
create index word_import_expires_idx on word_import (expires_at);
