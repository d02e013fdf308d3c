-- Data set of the workspace benchmark (figure 3), generated set-based in a few seconds: every one of the 193
-- member states with 5 review cycles (four published, one current) of all 23 objectives, their report sections,
-- frozen versions (the canonical JSON the application writes), submissions to the regional rounds and the IMRF,
-- consultation windows and ${inputs} consultation inputs from 5 organisations per country.
-- Run by org.gcmreview.bench.Workspace on the benchmark's own throw-away database, after the demo data.

-- earlier rounds beside the demo's 2026 ones; closed at the end of this script, since no cycle may be tied to a
-- closed round (db/V150)
insert into review_round (kind, commission_code, code, name, submission_deadline)
select 'REGIONAL', c.code, c.code || '-' || y, c.code || ' regional review ' || y, make_date(y, 12, 15)
  from regional_commission c cross join (values (2018), (2020), (2022), (2024)) as years(y);
insert into review_round (kind, code, name, submission_deadline)
values ('IMRF', 'IMRF-2022', 'International Migration Review Forum 2022', date '2022-03-31');

insert into organisation (country_iso3, name, stakeholder_type, verified, verified_at)
select k.iso3, 'Bench organisation ' || k.iso3 || ' ' || g,
       (array['CIVIL_SOCIETY','MIGRANT_DIASPORA','PRIVATE_SECTOR','TRADE_UNION','ACADEMIA'])[g], true, now()
  from country k cross join generate_series(1, 5) g;

-- 5 cycles per country: 2018 to 2024 published, 2026 anywhere from scoping to acknowledged
insert into review_cycle (country_iso3, code, business_key, title, regional_round_id, imrf_round_id, period_start,
                          period_end, drafting_due, status, started_by, started_at, last_activity_at, published_at)
select k.iso3, 'B' || y, k.iso3 || '-B' || y, 'Voluntary GCM review ' || y || ' of ' || k.name,
       (select id from review_round where code = k.commission_code || '-' || y),
       (select id from review_round where code = case when y <= 2020 then 'IMRF-2022' else 'IMRF-2026' end),
       make_date(y - 2, 1, 1), make_date(y - 1, 12, 31), make_date(y, 6, 30),
       case when y < 2026 then 'PUBLISHED'
            else (array['SCOPING','DRAFTING','CONSULTATION','SIGN_OFF','ENDORSEMENT','SUBMITTED','SUBMITTED',
                        'CLARIFICATION_REQUESTED','ACKNOWLEDGED','ACKNOWLEDGED'])[1 + abs(hashtext(k.iso3)) % 10] end,
       (select id from app_user where username = 'admin'),
       make_date(y - 1, 3, 1) + (abs(hashtext(k.iso3)) % 60) * interval '1 day',
       make_date(y, 9, 1) + (abs(hashtext(k.iso3 || y)) % 90) * interval '1 day',
       case when y < 2026 then make_date(y + 1, 3, 1)::timestamptz end
  from country k cross join (values (2018), (2020), (2022), (2024), (2026)) as years(y);

create temporary table bench_cycle on commit drop as
select c.id, c.country_iso3, c.code, c.status, c.regional_round_id, c.imrf_round_id, c.started_at,
       abs(hashtext(c.business_key)) as h
  from review_cycle c where c.code in ('B2018', 'B2020', 'B2022', 'B2024', 'B2026');

insert into cycle_objective (cycle_id, objective_number)
select c.id, o.number from bench_cycle c cross join objective o;

-- the report: introduction, policy, the 23 objectives, means, next steps
insert into report_section (cycle_id, kind, objective_number, position, title, body, implementation_status)
select c.id, s.kind, s.objective_number, s.position, s.title,
       case when c.status in ('SCOPING', 'DRAFTING') then ''
            else left(repeat('In the reporting period the government ' || c.country_iso3 || ' adopted measures, '
                 || 'consulted partners and measured results for ' || s.title || '. ', 12),
                 400 + (c.h + s.position * 37) % 800) end,
       case when s.kind = 'OBJECTIVE' and c.status not in ('SCOPING', 'DRAFTING')
            then (array['NOT_STARTED','PLANNED','IN_PROGRESS','IMPLEMENTED'])[1 + (c.h + s.position) % 4] end
  from bench_cycle c cross join (
        select 'INTRODUCTION' as kind, null::smallint as objective_number, 1 as position,
               'Introduction and methodology' as title
        union all select 'POLICY', null, 2, 'Policy and enabling environment'
        union all select 'OBJECTIVE', o.number, 2 + o.number, 'Objective ' || o.number || ': ' || o.title
          from objective o
        union all select 'MEANS', null, 26, 'Means of implementation and partnerships'
        union all select 'NEXT_STEPS', null, 27, 'Next steps') s;

-- frozen versions of every report that was sent: version 2 where a clarification was answered
insert into report_version (cycle_id, version_no, content, sha256, frozen_at)
select v.cycle_id, v.version_no, v.content, encode(sha256(convert_to(v.content, 'UTF8')), 'hex'), v.frozen_at
  from (
    select c.id as cycle_id, n as version_no, c.started_at + interval '200 days' + n * interval '20 days' as frozen_at,
           json_build_object(
               'businessKey', r.business_key, 'country', r.country_iso3, 'countryName', k.name, 'title', r.title,
               'periodStart', r.period_start::text, 'periodEnd', r.period_end::text, 'version', n,
               'sections', (select json_agg(json_build_object('kind', s.kind, 'objective', s.objective_number,
                                    'title', s.title, 'status', s.implementation_status, 'body', s.body)
                                    order by s.position, s.id)
                              from report_section s where s.cycle_id = c.id))::text as content
      from bench_cycle c
      join review_cycle r on r.id = c.id
      join country k on k.iso3 = c.country_iso3
      cross join generate_series(1, 2) n
     where c.status in ('PUBLISHED', 'SUBMITTED', 'CLARIFICATION_REQUESTED', 'ACKNOWLEDGED')
       and (n = 1 or (c.status in ('PUBLISHED', 'ACKNOWLEDGED') and c.h % 3 = 0))) v;

-- every frozen version was endorsed (published pages and submissions show only an endorsed version, issue 14.4)
insert into endorsement (cycle_id, report_version_id, endorsed_by)
select v.cycle_id, v.id, (select id from app_user where username = 'admin')
  from report_version v join bench_cycle c on c.id = v.cycle_id;

-- regional submissions: the earlier version superseded by the answer to the clarification request
insert into submission (cycle_id, round_id, report_version_id, kind, status, cover_note, submitted_by, submitted_at,
                        responded_at)
select c.id, c.regional_round_id, v.id, 'REGIONAL',
       case when v.version_no < (select max(version_no) from report_version m where m.cycle_id = c.id) then 'SUPERSEDED'
            when c.status = 'SUBMITTED' then 'SUBMITTED'
            when c.status = 'CLARIFICATION_REQUESTED' then 'CLARIFICATION_REQUESTED'
            else 'ACKNOWLEDGED' end,
       'Cover note of version ' || v.version_no, (select id from app_user where username = 'admin'),
       v.frozen_at + interval '1 day', case when c.status <> 'SUBMITTED' then v.frozen_at + interval '10 days' end
  from bench_cycle c join report_version v on v.cycle_id = c.id;

-- the published reports went on to the IMRF
insert into submission (cycle_id, round_id, report_version_id, kind, status, submitted_by, submitted_at)
select c.id, c.imrf_round_id, v.id, 'IMRF', 'REGISTERED', (select id from app_user where username = 'admin'),
       v.frozen_at + interval '40 days'
  from bench_cycle c join report_version v on v.cycle_id = c.id
 where c.status = 'PUBLISHED'
   and v.version_no = (select max(version_no) from report_version m where m.cycle_id = c.id);

-- consultation windows of every cycle past drafting
insert into consultation_window (cycle_id, opens_at, closes_at, status, closed_at)
select c.id, c.started_at + interval '100 days', c.started_at + interval '130 days',
       case when c.status = 'CONSULTATION' then 'OPEN' else 'CLOSED' end,
       case when c.status <> 'CONSULTATION' then c.started_at + interval '130 days' end
  from bench_cycle c where c.status not in ('SCOPING', 'DRAFTING');

-- the consultation inputs, spread over the windows, from the country's organisations
insert into consultation_input (window_id, reference, idempotency_key, organisation_id, author_name, author_email,
                                objective_number, section_kind, language, body, status, moderation_reason,
                                submitted_at, confirmed_at, response_outcome, response_text, responded_at)
select w.id, w.country_iso3 || '-CI-B' || lpad(g::text, 7, '0'), gen_random_uuid(), o.id,
       'Bench author ' || g, 'author' || g || '@bench.invalid',
       case when g % 6 <> 0 then 1 + g % 23 end,
       case when g % 6 = 0 then (array['INTRODUCTION','POLICY','MEANS','NEXT_STEPS'])[1 + g % 4] end,
       (array['en','fr','es','ar'])[1 + g % 4],
       left(repeat('We ask that the report says how migrants in irregular situations reach basic services. ', 12),
            150 + g % 850),
       case when g % 10 = 0 then 'HIDDEN' when g % 10 < 6 then 'PUBLISHED' else 'RECEIVED' end,
       case when g % 10 = 0 then 'Off topic' end,
       w.opens_at + (g % 43200) * interval '1 minute', w.opens_at + (g % 43200) * interval '1 minute',
       case when w.status = 'CLOSED' and g % 3 <> 0 then (array['ACCEPTED','PARTLY','NOT_ACCEPTED'])[1 + g % 3] end,
       case when w.status = 'CLOSED' and g % 3 <> 0 then 'Taken up in the section on this objective.' end,
       case when w.status = 'CLOSED' and g % 3 <> 0 then w.closes_at + interval '5 days' end
  from generate_series(1, ${inputs}) g
  join (select cw.id, cw.opens_at, cw.closes_at, cw.status, c.country_iso3,
               row_number() over (order by cw.id) - 1 as i, count(*) over () as n
          from consultation_window cw join bench_cycle c on c.id = cw.cycle_id) w on w.i = g % w.n
  join organisation o on o.country_iso3 = w.country_iso3
                     and o.name = 'Bench organisation ' || w.country_iso3 || ' ' || (1 + g % 5);

analyze;

-- the earlier rounds closed once their reports were in
update review_round set closed_at = submission_deadline + interval '47 days'
 where code in (select c.code || '-' || y from regional_commission c
                 cross join (values (2018), (2020), (2022), (2024)) as years(y))
    or code = 'IMRF-2022';
