-- Submission side of the review cycle (regional review, IMRF, publication).

-- A resubmission after a clarification request points at the submission it replaces, so the secretariat
-- sees its question next to the country's answer (the cover note of the resubmission).
alter table submission add column supersedes_id bigint references submission (id);

-- What the coordinator confirmed for sending: the frozen version and the cover note (or, after a
-- clarification request, the answer). The hand-over to the regional review runs asynchronously after the
-- coordinator's task has committed; it takes this row and turns it into a submission. At most one waits per
-- cycle: confirming again replaces it.
create table submission_handover (
    cycle_id bigint primary key references review_cycle (id),
    report_version_id bigint not null references report_version (id),
    cover_note text,
    confirmed_by bigint not null references app_user (id),
    confirmed_at timestamptz not null default now()
);

-- A round is closed by its secretariat (regional synthesis / forum edition closed); no submission is accepted
-- after that.
alter table review_round add column closed_at timestamptz;
alter table review_round add column closed_by bigint references app_user (id);
alter table review_round add column closing_note text;
