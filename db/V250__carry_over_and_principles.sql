-- Issue 16.3 and 16.4: a new cycle built on the country's last endorsed report, its follow-up items, and the GCM's
-- guiding principles each objective section gives evidence for.

-- cycle: the endorsed report version the coordinator chose to start from (null: started empty).
alter table review_cycle add column carried_from_version_id bigint references report_version (id);

-- report: a section prefilled from that version stays "carried over" until a save changes it.
alter table report_section add column carried_over boolean not null default false;

-- report: the guiding principles (numbers 1-10, comma-separated, ascending) a section gives evidence for; part of
-- the section's content, so a revision keeps them like every other field.
alter table report_section add column principles text not null default ''
    check (principles ~ '^([0-9]+(,[0-9]+)*)?$');
alter table section_revision add column principles text not null default '';

-- Any writer that changes a carried-over section's text (the report editor, a clarification answer) clears the mark;
-- a save of the same text leaves the row alone and so keeps it. Indicator-only changes are cleared by the editor.
create function clear_carried_over() returns trigger language plpgsql as $$
begin
    if old.carried_over and new.carried_over
       and (new.body, new.implementation_status, new.measures, new.practices, new.challenges, new.principles)
           is distinct from (old.body, old.implementation_status, old.measures, old.practices, old.challenges,
                             old.principles) then
        new.carried_over := false;
    end if;
    return new;
end;
$$;
create trigger report_section_carried_over before update on report_section
    for each row execute function clear_carried_over();

-- report: what the previous report's next steps promised, and what became of each in this cycle.
create table follow_up_item (
    id bigserial primary key,
    cycle_id bigint not null references review_cycle (id),
    position smallint not null check (position >= 0),
    commitment text not null check (length(trim(commitment)) > 0),
    objective_number smallint references objective (number),
    from_version_id bigint not null references report_version (id),
    outcome varchar(20) check (outcome in ('DONE', 'IN_PROGRESS', 'DROPPED')),
    note text not null default '',
    lock_version integer not null default 0,
    updated_by bigint references app_user (id),
    updated_at timestamptz,
    unique (cycle_id, position)
);

-- The synthesis counts, per guiding principle, the submitted reports that give evidence for it; as with the
-- objectives' statuses (V91) the numbers are extracted once, when a version is frozen: a sorted JSON array.
create function frozen_principles(content text) returns jsonb
    language sql immutable parallel safe
as $$
    select coalesce(jsonb_agg(distinct (p.value)::int order by (p.value)::int), '[]'::jsonb)
      from jsonb_array_elements(content::jsonb -> 'sections') section,
           jsonb_array_elements_text(coalesce(section -> 'principles', '[]'::jsonb)) p
     where section ->> 'kind' = 'OBJECTIVE'
$$;

alter table report_version
    add column evidenced_principles jsonb generated always as (frozen_principles(content)) stored;
