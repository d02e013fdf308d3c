-- Notices (org.gcmreview.notices). Mail goes through an outbox: the work that causes a mail writes the row in its
-- own transaction, and a scheduled sender delivers it apart from the work, retrying with backoff; a mail that
-- still fails after the last attempt is FAILED and shown to the administrator (/admin/notices), who can retry it.
create table mail_outbox (
    id bigserial primary key,
    -- the addresses, one mail to all of them (same language)
    recipients text[] not null,
    subject text not null,
    body text not null,
    -- the one-click unsubscribe link (RFC 8058) of a notice mail; null for mails nobody can opt out of
    unsubscribe_url text,
    status varchar(10) not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz
);
-- what the sender polls for (partial: sent mails pile up, pending ones do not)
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_failed_idx on mail_outbox (created_at) where status = 'FAILED';
