-- The structure of a voluntary GCM review's objective sections, for the report and for the ministries'
-- contributions alike (consolidation merges one into the other): besides the implementation status and the
-- narrative (column body), the measures taken, practices, challenges, and indicator values with their source
-- and year. The free-text sections (introduction and methodology, policy, means of implementation, next steps)
-- use body only. The linked SDG targets are not stored: they come from the reference data of the objective.

alter table report_section
    add column measures text not null default '',
    add column practices text not null default '',
    add column challenges text not null default '';

alter table contribution
    add column measures text not null default '',
    add column practices text not null default '',
    add column challenges text not null default '';

-- Indicator values, in the order the author gave them. They are part of the section's (contribution's)
-- content: every save replaces them all, under the owner's lock_version. Values are plain decimals
-- (the unit says what they count); the application checks the year against the current year too.
create table section_indicator (
    section_id bigint not null references report_section (id),
    position smallint not null check (position >= 0),
    name text not null check (length(trim(name)) > 0),
    value varchar(40) not null check (value ~ '^-?[0-9]+(\.[0-9]+)?$'),
    unit text not null default '',
    source text not null check (length(trim(source)) > 0),
    year smallint not null check (year >= 1990 and year <= 2200),
    primary key (section_id, position)
);

create table contribution_indicator (
    contribution_id bigint not null references contribution (id),
    position smallint not null check (position >= 0),
    name text not null check (length(trim(name)) > 0),
    value varchar(40) not null check (value ~ '^-?[0-9]+(\.[0-9]+)?$'),
    unit text not null default '',
    source text not null check (length(trim(source)) > 0),
    year smallint not null check (year >= 1990 and year <= 2200),
    primary key (contribution_id, position)
);

-- A revision is a complete snapshot of what was saved (who, when, what): every field, the indicators as a
-- JSON array [{"name","value","unit","source","year"}, ...].
alter table section_revision
    add column measures text,
    add column practices text,
    add column challenges text,
    add column indicators text;

alter table contribution_revision
    add column measures text,
    add column practices text,
    add column challenges text,
    add column indicators text;

-- Writers that only know the narrative (e.g. the answer to a regional clarification request, which revises
-- objective texts) insert revisions without the structured fields. The row already holds them, so the
-- revision completes itself from the row: no revision is ever a partial picture of its section.
create function complete_section_revision() returns trigger language plpgsql as $$
begin
    if new.measures is null or new.practices is null or new.challenges is null or new.indicators is null then
        select coalesce(new.measures, s.measures), coalesce(new.practices, s.practices),
               coalesce(new.challenges, s.challenges)
          into new.measures, new.practices, new.challenges
          from report_section s where s.id = new.section_id;
        if new.indicators is null then
            select coalesce(json_agg(json_build_object('name', i.name, 'value', i.value, 'unit', i.unit,
                                                       'source', i.source, 'year', i.year) order by i.position)::text,
                            '[]')
              into new.indicators
              from section_indicator i where i.section_id = new.section_id;
        end if;
    end if;
    return new;
end;
$$;
create trigger section_revision_is_complete before insert on section_revision
    for each row execute function complete_section_revision();

create function complete_contribution_revision() returns trigger language plpgsql as $$
begin
    if new.measures is null or new.practices is null or new.challenges is null or new.indicators is null then
        select coalesce(new.measures, c.measures), coalesce(new.practices, c.practices),
               coalesce(new.challenges, c.challenges)
          into new.measures, new.practices, new.challenges
          from contribution c where c.id = new.contribution_id;
        if new.indicators is null then
            select coalesce(json_agg(json_build_object('name', i.name, 'value', i.value, 'unit', i.unit,
                                                       'source', i.source, 'year', i.year) order by i.position)::text,
                            '[]')
              into new.indicators
              from contribution_indicator i where i.contribution_id = new.contribution_id;
        end if;
    end if;
    return new;
end;
$$;
create trigger contribution_revision_is_complete before insert on contribution_revision
    for each row execute function complete_contribution_revision();

-- Existing revisions (written before this migration) are completed the same way.
update section_revision r set measures = s.measures, practices = s.practices, challenges = s.challenges,
                              indicators = '[]'
  from report_section s where s.id = r.section_id and r.measures is null;
update contribution_revision r set measures = c.measures, practices = c.practices, challenges = c.challenges,
                                   indicators = '[]'
  from contribution c where c.id = r.contribution_id and r.measures is null;

-- ---------------------------------------------------------------- sign-off: the sections a request names
-- A ministry requesting changes names the sections concerned; the coordinator's revision shows them first.
create table signoff_requested_section (
    decision_id bigint not null references signoff_decision (id),
    section_id bigint not null references report_section (id),
    primary key (decision_id, section_id)
);
create index signoff_requested_section_section_idx on signoff_requested_section (section_id);

-- Sign-off decisions are the audit trail of the report's approval: kept as they were taken, never changed.
create function refuse_signoff_decision_change() returns trigger language plpgsql as $$
begin
    raise exception 'sign-off decisions are a record and cannot be changed (%)', tg_table_name;
end;
$$;
create trigger signoff_decision_is_a_record before update or delete on signoff_decision
    for each row execute function refuse_signoff_decision_change();
create trigger signoff_requested_section_is_a_record before update or delete on signoff_requested_section
    for each row execute function refuse_signoff_decision_change();
