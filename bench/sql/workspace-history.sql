-- Camunda's history of the workspace benchmark's cycles (issue 19.4). The cycles of workspace-data.sql are written
-- in SQL, so the engine never ran them; this copies the history one real cycle left (bench/sql/cycle-history.jsonl,
-- written by WholeReviewCycleTest with -Dgcm.history.template=..., loaded by Workspace into bench_history_template)
-- to every one of them, with new ids, the cycle's business key, country and id, its dates and the removal time the
-- history cleanup would have stamped. Run as one script (it holds a DO block), after workspace-data.sql.
--
-- Rows kept per cycle: all rows of its own processes (national review and consultation), and in the rounds'
-- processes the rows of its submission's sub-process (review and acknowledgement, IMRF registration). The rounds'
-- own rows (their process instance, opening, synthesis task, process variables) are per round, not per cycle: left
-- out. A published cycle's rows carry end + time to live as removal time; a current cycle gets the same rows
-- unstamped and its process instances active (more rows than a cycle part-way has: an upper bound).

-- template rows that belong to the cycle: own processes, or inside a submission sub-process of a round
create temporary table bench_history_rows as
with recursive meta as (
  select row as m from bench_history_template where tbl is null
), rounds as (
  select m ->> 'regionalRoot' as root, 'REGIONAL' as kind from meta
  union all select m ->> 'imrfRoot', 'IMRF' from meta
), submission_scope as (
  select t.row ->> 'id_' as id from bench_history_template t join rounds r on r.root = t.row ->> 'proc_inst_id_'
   where t.tbl = 'act_hi_actinst' and t.row ->> 'act_type_' = 'subProcess'
     and t.row ->> 'parent_act_inst_id_' = t.row ->> 'proc_inst_id_'
  union
  select t.row ->> 'id_' from bench_history_template t join submission_scope s on s.id = t.row ->> 'parent_act_inst_id_'
   where t.tbl = 'act_hi_actinst'
)
select t.tbl, t.row, r.kind as round_kind
  from bench_history_template t left join rounds r on r.root = t.row ->> 'root_proc_inst_id_'
 where t.tbl is not null
   and (r.root is null
        or (t.tbl = 'act_hi_actinst' and t.row ->> 'id_' in (select id from submission_scope))
        or (t.tbl in ('act_hi_taskinst', 'act_hi_varinst')
            and t.row ->> 'act_inst_id_' in (select id from submission_scope)));

-- each generated cycle: where its history is placed in time (the template's span stretched over the cycle's)
create temporary table bench_history_cycle as
with meta as (
  select (row ->> 'cycleId')::bigint as cycle_id, row ->> 'businessKey' as business_key
    from bench_history_template where tbl is null
), national as (
  select (r.row ->> 'start_time_')::timestamp as t0, (r.row ->> 'end_time_')::timestamp as t1
    from bench_history_rows r, meta
   where r.tbl = 'act_hi_procinst' and r.row ->> 'business_key_' = meta.business_key
     and r.row ->> 'super_process_instance_id_' is null
)
select c.id, c.business_key, c.country_iso3, c.status = 'PUBLISHED' as ended, c.regional_round_id, c.imrf_round_id,
       c.started_at::timestamp as started,
       extract(epoch from (coalesce(c.published_at, c.last_activity_at)::timestamp - c.started_at::timestamp))
         / greatest(extract(epoch from (n.t1 - n.t0)), 0.001) as scale,
       n.t0, meta.cycle_id as template_cycle, meta.business_key as template_key,
       (select v.row ->> 'text_' from bench_history_rows v
         where v.tbl = 'act_hi_varinst' and v.row ->> 'name_' = 'countryIso3' limit 1) as template_country,
       case when c.status = 'PUBLISHED' then c.published_at::timestamp + interval '3650 days' end as removal,
       case when c.status = 'PUBLISHED' then (select closed_at from review_round where id = c.regional_round_id)::timestamp
            + interval '3650 days' end as regional_removal,
       case when c.status = 'PUBLISHED' then (select closed_at from review_round where id = c.imrf_round_id)::timestamp
            + interval '3650 days' end as imrf_removal
  from review_cycle c cross join national n cross join meta
 where c.code in ('B2018', 'B2020', 'B2022', 'B2024', 'B2026');

-- a template id in this cycle's copy: the UUID at its end replaced (activity instance ids are "activity:uuid"); the
-- rounds' process instances stay one per round
create function pg_temp.bench_id(v text, salt text) returns text language sql immutable as $$
  select case when v ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then left(v, length(v) - 36) || md5(right(v, 36) || salt)::uuid::text else v end
$$;

do $$
declare
  meta jsonb := (select row from bench_history_template where tbl is null);
  t text;
  cols text;
  exprs text;
begin
  for t in select distinct tbl from bench_history_rows loop
    select string_agg(quote_ident(column_name), ', ' order by ordinal_position),
           string_agg(case
             when column_name = 'proc_def_id_' then
               'coalesce((select d.id_ from act_re_procdef d where d.key_ = split_part(r.proc_def_id_, '':'', 1)'
               || ' order by d.version_ desc limit 1), r.proc_def_id_)'
             when column_name = 'removal_time_' then
               'case when h.round_kind = ''REGIONAL'' then c.regional_removal when h.round_kind = ''IMRF'''
               || ' then c.imrf_removal else c.removal end'
             when t = 'act_hi_procinst' and column_name in ('end_time_', 'duration_', 'end_act_id_') then
               'case when c.ended then ' || case column_name
                   when 'end_time_' then 'c.started + (r.end_time_ - c.t0) * c.scale'
                   when 'duration_' then '(r.duration_ * c.scale)::bigint'
                   else 'r.end_act_id_' end || ' end'
             when t = 'act_hi_procinst' and column_name = 'state_' then
               'case when c.ended then r.state_ else ''ACTIVE'' end'
             when column_name = 'duration_' then '(r.duration_ * c.scale)::bigint'
             -- calendar dates the process set (a task's due date): moved with the cycle, not stretched
             when column_name in ('due_date_', 'follow_up_date_') then
               'c.started + (r.' || column_name || ' - c.t0)'
             when data_type like 'timestamp%' then
               'c.started + (r.' || quote_ident(column_name) || ' - c.t0) * c.scale'
             when t = 'act_hi_varinst' and column_name in ('long_', 'text_') then
               'case when r.name_ = ''cycleId'' then c.id::' || case column_name when 'long_' then 'bigint' else 'text' end
               || ' else ' || case column_name when 'long_' then 'r.long_'
                   else 'replace(replace(replace(r.text_, c.template_key, c.business_key), c.template_country,'
                        || ' c.country_iso3), lower(c.template_country), lower(c.country_iso3))' end || ' end'
             when column_name in ('business_key_', 'tenant_id_', 'text2_', 'assignee_', 'owner_', 'user_id_',
                                  'group_id_') then
               'replace(replace(r.' || column_name || ', c.template_key, c.business_key), c.template_country,'
               || ' c.country_iso3)'
             when data_type in ('character varying', 'text') then
               'pg_temp.bench_id(r.' || quote_ident(column_name) || ', case right(r.' || quote_ident(column_name)
               || ', 36) when ' || quote_literal(meta ->> 'regionalRoot') || ' then ''round '' || c.regional_round_id'
               || ' when ' || quote_literal(meta ->> 'imrfRoot') || ' then ''round '' || c.imrf_round_id'
               || ' else ''cycle '' || c.id end)'
             else 'r.' || quote_ident(column_name) end, ', ' order by ordinal_position)
      into cols, exprs
      from information_schema.columns where table_schema = current_schema() and table_name = t;
    execute format('insert into %I (%s) select %s from bench_history_rows h'
                   || ' cross join lateral jsonb_populate_record(null::%I, h.row) r'
                   || ' join bench_history_cycle c on h.round_kind is null or c.ended'
                   || ' where h.tbl = %L', t, cols, exprs, t, t);
  end loop;
end
$$;

-- a published cycle points to its national process instance, as a real one does (a current cycle has no runtime
-- rows here, so it keeps none)
update review_cycle r set process_instance_id = pg_temp.bench_id(n.row ->> 'id_', 'cycle ' || r.id)
  from bench_history_rows n, bench_history_cycle c
 where n.tbl = 'act_hi_procinst' and n.row ->> 'super_process_instance_id_' is null and n.round_kind is null
   and c.id = r.id and c.ended;

drop table bench_history_rows;
drop table bench_history_cycle;
