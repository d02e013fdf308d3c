-- Issue 18.3: a published report in more than one of the six UN languages. The coordinator adds a translation of
-- the endorsed version; each is kept as its own canonical JSON (the original's structure with the translated text,
-- its language and the version and SHA-256 it translates), with the SHA-256 of that JSON, and published beside the
-- original. One translation per language; like a frozen version, a stored translation never changes.
create table report_translation (
    id               bigserial primary key,
    cycle_id         bigint       not null references review_cycle (id),
    version_no       int          not null,
    original_sha256  char(64)     not null,
    language         varchar(8)   not null check (language in ('en', 'fr', 'es', 'ar', 'zh', 'ru')),
    content          text         not null,
    sha256           char(64)     not null,
    created_by       bigint       not null references app_user (id),
    created_at       timestamptz  not null default now(),
    unique (cycle_id, language)
);

create function refuse_report_translation_change() returns trigger language plpgsql as $$
begin
    raise exception 'report_translation rows are immutable';
end;
$$;

create trigger report_translation_is_immutable before update or delete on report_translation
    for each row execute function refuse_report_translation_change();
