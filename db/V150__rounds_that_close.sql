-- Issue 14.3 / 14.5: regional rounds and IMRF editions that close while countries are in them, and submissions
-- that leave a round because the country withdrew its report or the secretariat released it at closing.

-- WITHDRAWN: the country withdrew its cycle; RELEASED: the secretariat closed the round and let the country take
-- its report to another round. Neither counts as waiting for the secretariat.
alter table submission drop constraint if exists submission_status_check;
alter table submission add constraint submission_status_check check (status in
    ('SUBMITTED', 'CLARIFICATION_REQUESTED', 'ACKNOWLEDGED', 'REGISTERED', 'SUPERSEDED', 'WITHDRAWN', 'RELEASED'));

-- The secretariat's decision, per country, to keep reviewing a submission in a round it closed. Only these
-- cycles may still hand a report to the closed round (an answer to a clarification).
create table round_late_acceptance (
    round_id bigint not null references review_round (id),
    cycle_id bigint not null references review_cycle (id),
    decided_by bigint not null references app_user (id),
    decided_at timestamptz not null default now(),
    primary key (round_id, cycle_id)
);

-- Reports whose national process reached "send to the IMRF" while no IMRF edition was open: they are handed
-- over when the next edition is added to the calendar. The national process goes on meanwhile.
create table imrf_waiting (
    cycle_id bigint primary key references review_cycle (id),
    waiting_since timestamptz not null default now()
);

-- A cycle is never tied to a closed round, whatever code tries: the one exception is the country the
-- secretariat accepted late into the round it closed.
create function refuse_closed_round() returns trigger language plpgsql as $$
begin
    if new.regional_round_id is not null
            and new.regional_round_id is distinct from (case when tg_op = 'UPDATE' then old.regional_round_id end)
            and exists (select 1 from review_round r where r.id = new.regional_round_id and r.closed_at is not null)
            and not exists (select 1 from round_late_acceptance a
                             where a.round_id = new.regional_round_id and a.cycle_id = new.id) then
        raise exception 'review round % is closed', new.regional_round_id using errcode = 'check_violation';
    end if;
    if new.imrf_round_id is not null
            and new.imrf_round_id is distinct from (case when tg_op = 'UPDATE' then old.imrf_round_id end)
            and exists (select 1 from review_round r where r.id = new.imrf_round_id and r.closed_at is not null)
            and not exists (select 1 from round_late_acceptance a
                             where a.round_id = new.imrf_round_id and a.cycle_id = new.id) then
        raise exception 'review round % is closed', new.imrf_round_id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger review_cycle_open_rounds_only
    before insert or update of regional_round_id, imrf_round_id on review_cycle
    for each row execute function refuse_closed_round();
