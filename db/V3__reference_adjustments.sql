-- The booklet gives no target list for objectives 2 and 19 but says "All SDGs" are relevant to them.
-- An empty list would read as "none", so the objective records that explicitly; for objective 2 the
-- booklet still names target 17.14, which stays in objective_sdg_target.
alter table objective add column all_sdgs boolean not null default false;

update objective set all_sdgs = true where number in (2, 19);
