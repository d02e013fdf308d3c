-- The synthesis grid needs only each objective's implementation status of a frozen version, but read the whole
-- frozen JSON of every country's latest submission on every request (~20 KB each, ~3.8 MB for the 193 countries of
-- an IMRF edition) and parsed it in Java. A frozen version never changes, so its statuses are extracted once, when it
-- is stored: {"1": "IN_PROGRESS", "2": null, ...} keyed by objective number.
create function frozen_objective_statuses(content text) returns jsonb
    language sql immutable parallel safe
as $$
    select coalesce(jsonb_object_agg(section ->> 'objective', section -> 'status'), '{}'::jsonb)
      from jsonb_array_elements(content::jsonb -> 'sections') section
     where section ->> 'kind' = 'OBJECTIVE' and section ->> 'objective' is not null
$$;

alter table report_version
    add column objective_statuses jsonb generated always as (frozen_objective_statuses(content)) stored;
