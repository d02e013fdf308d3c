-- Evidence files attached to a ministry contribution, a report section or a consultation input.
-- The bytes live in PostgreSQL with everything else, so a file and the form that added it are stored in
-- one transaction, backed up together, and a file never outlives its cycle's access rules.
create table attachment (
    id bigserial primary key,
    -- the only id that appears in URLs: not guessable, not enumerable
    public_id uuid not null unique default gen_random_uuid(),
    owner_kind varchar(20) not null check (owner_kind in ('CONTRIBUTION', 'REPORT_SECTION', 'CONSULTATION_INPUT')),
    owner_id bigint not null,
    cycle_id bigint not null references review_cycle (id),
    country_iso3 char(3) not null references country (iso3),
    -- sanitised for display and download: no path, no control characters
    file_name varchar(255) not null check (length(file_name) > 0 and file_name !~ '[/\\[:cntrl:]]'),
    -- detected from the content, never taken from the client
    media_type varchar(100) not null check (media_type in (
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'image/png',
        'image/jpeg')),
    size_bytes bigint not null check (size_bytes > 0),
    sha256 char(64) not null,
    content bytea not null,
    uploaded_by bigint not null references app_user (id),
    uploaded_at timestamptz not null default now(),
    check (octet_length(content) = size_bytes)
);
create index attachment_owner_idx on attachment (owner_kind, owner_id);
create index attachment_cycle_idx on attachment (cycle_id);
