-- Issue 14.4: text changed after endorsement (a clarification that revises sections) is signed off and endorsed
-- again as a new version, so a cycle has one endorsement per endorsed version, not one in all.
alter table endorsement drop constraint endorsement_pkey;
alter table endorsement add column id bigserial primary key;
alter table endorsement add constraint endorsement_version_unique unique (cycle_id, report_version_id);
