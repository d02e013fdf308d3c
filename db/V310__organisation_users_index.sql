-- An organisation's user accounts are looked up by organisation: the coordinator's list of organisations names each
-- one's users (Organisations.SELECT), and a rejected or re-verified organisation's users are found by it. Without an
-- index each organisation of the list scanned app_user (seen while measuring issue 19.1).
create index app_user_organisation_idx on app_user (organisation_id) where organisation_id is not null;
