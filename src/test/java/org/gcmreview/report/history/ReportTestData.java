package org.gcmreview.report.history;

import java.util.UUID;

import org.gcmreview.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Review cycles, report sections, contributions and their revisions written straight into the test database,
 * the way the drafting forms store them (revision_no = the lock_version the save created).
 */
public final class ReportTestData {

    private final JdbcClient jdbc;

    public ReportTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new cycle of the coordinator's country, with a unique code. */
    public long cycle(CurrentUser coordinator) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.sql("""
                insert into review_cycle (country_iso3, code, business_key, title, started_by, status)
                values (?, ?, ?, ?, ?, 'DRAFTING') returning id""")
                .params(coordinator.countryIso3(), code, coordinator.countryIso3() + "-" + code,
                        "Review " + code, coordinator.id())
                .query(Long.class).single();
    }

    public void publish(long cycleId) {
        // only an endorsed version is public (issue 14.4)
        org.gcmreview.submission.ReviewFixtures.endorseLatest(jdbc, cycleId);
        jdbc.sql("update review_cycle set status = 'PUBLISHED', published_at = now() where id = ?").param(cycleId)
                .update();
    }

    /** A report section on the objective (1-23), empty until revisions are added. */
    public long section(long cycleId, int objective, String title) {
        return jdbc.sql("""
                insert into report_section (cycle_id, kind, objective_number, position, title)
                values (?, 'OBJECTIVE', ?, ?, ?) returning id""")
                .params(cycleId, objective, objective + 10, title).query(Long.class).single();
    }

    /** A saved edit of the section: the revision row and the section's current text. */
    public void sectionRevision(long sectionId, int revisionNo, String body, String status, CurrentUser author,
            String note) {
        jdbc.sql("""
                insert into section_revision (section_id, revision_no, body, implementation_status, author_id, note,
                                              created_at)
                values (?, ?, ?, ?, ?, ?, now() - make_interval(days => 100 - ?))""")
                .params(sectionId, revisionNo, body, status, author.id(), note, revisionNo).update();
        jdbc.sql("""
                update report_section set body = ?, implementation_status = ?, lock_version = ?, updated_by = ?
                 where id = ?""").params(body, status, revisionNo, author.id(), sectionId).update();
    }

    public long contribution(long cycleId, CurrentUser ministry, int objective) {
        return jdbc.sql("""
                insert into contribution (cycle_id, ministry_id, objective_number) values (?, ?, ?) returning id""")
                .params(cycleId, ministry.ministryId(), objective).query(Long.class).single();
    }

    public void contributionRevision(long contributionId, int revisionNo, String body, String status,
            CurrentUser author) {
        jdbc.sql("""
                insert into contribution_revision (contribution_id, revision_no, body, implementation_status,
                                                   author_id, created_at)
                values (?, ?, ?, ?, ?, now() - make_interval(days => 100 - ?))""")
                .params(contributionId, revisionNo, body, status, author.id(), revisionNo).update();
        jdbc.sql("""
                update contribution set body = ?, implementation_status = ?, lock_version = ?, updated_by = ?
                 where id = ?""").params(body, status, revisionNo, author.id(), contributionId).update();
    }

    /** A stakeholder's input in the cycle's consultation (the window is created on first use). */
    public long consultationInput(long cycleId, CurrentUser stakeholder, String body) {
        jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, now() - interval '1 day', now() + interval '10 days', 'OPEN') on conflict do nothing""")
                .param(cycleId).update();
        return jdbc.sql("""
                insert into consultation_input (window_id, reference, idempotency_key, organisation_id, author_user_id,
                                                body)
                select id, ?, ?, ?, ?, ? from consultation_window where cycle_id = ? returning id""")
                .params("IN-" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(),
                        stakeholder.organisationId(), stakeholder.id(), body, cycleId)
                .query(Long.class).single();
    }
}
