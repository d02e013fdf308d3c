-- The in-app notification centre (org.gcmreview.notices): every notice to a person, read or not, and how each
-- person wants each kind of notice by e-mail.

-- A notice is stored as a message key and its arguments, so it reads in the language of whoever looks at it.
-- cycle_key: the business key of the cycle it is about (the digest groups by it), or null.
create table notice (
    id bigserial primary key,
    user_id bigint not null references app_user (id),
    kind varchar(20) not null check (kind in ('TASK_OFFERED', 'TASK_CLAIMED', 'DUE_SOON', 'OVERDUE', 'COMMENT',
                                              'CLARIFICATION', 'DECISION')),
    message_key varchar(120) not null,
    arguments text[] not null default '{}',
    link varchar(300),
    cycle_key varchar(80),
    created_at timestamptz not null default now(),
    read_at timestamptz,
    -- when the person wants this kind in the daily digest: null until a digest has listed it
    digest_due boolean not null default false,
    digested_at timestamptz
);
-- the header's count of unread notices: an index-only count per person
create index notice_unread_idx on notice (user_id) where read_at is null;
create index notice_user_idx on notice (user_id, created_at desc);
create index notice_digest_idx on notice (user_id) where digest_due and digested_at is null;

-- How a person wants one kind of notice by e-mail; no row: the kind's default (NoticeKind).
create table notice_preference (
    user_id bigint not null references app_user (id),
    kind varchar(20) not null,
    delivery varchar(10) not null check (delivery in ('IMMEDIATE', 'DIGEST', 'NONE')),
    primary key (user_id, kind)
);

-- The key that signs the links to a person's mail settings in every notice mail (one row, made on first use).
create table notice_link_key (
    id integer primary key check (id = 1),
    secret bytea not null
);
