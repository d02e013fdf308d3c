-- Issue 16.3 and 16.4 for the ministries' contributions, as V250 did for the report's sections: a contribution is
-- prefilled from the previous endorsed report's section of its objective and stays "carried over" until a save
-- changes it; and it can be tagged with the guiding principles it gives evidence for, kept with each revision.
alter table contribution add column carried_over boolean not null default false;
alter table contribution add column principles text not null default ''
    check (principles ~ '^([0-9]+(,[0-9]+)*)?$');
alter table contribution_revision add column principles text not null default '';

-- Any writer that changes a carried-over contribution's text clears the mark (V250's function, same columns).
create trigger contribution_carried_over before update on contribution
    for each row execute function clear_carried_over();
