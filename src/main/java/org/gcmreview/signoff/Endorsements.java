package org.gcmreview.signoff;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The endorsements of a cycle's frozen versions. The version published, sent to a round or the IMRF and shown to
 * secretariats is always the one endorsed last ({@link #find}); a version frozen after it (a clarification that
 * changed the text) counts only once it is endorsed in turn (issue 14.4).
 */
@Repository
public class Endorsements {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Endorsements(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Endorsement> find(long cycleId) {
        return jdbc.sql("""
                select e.cycle_id, e.report_version_id, v.version_no, v.sha256, u.username, e.endorsed_at, e.note
                  from endorsement e join report_version v on v.id = e.report_version_id
                  join app_user u on u.id = e.endorsed_by
                 where e.cycle_id = ? order by e.endorsed_at desc, e.id desc limit 1""").param(cycleId)
                .query((rs, row) -> new Endorsement(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
                .optional();
    }

    /** Whether this version was endorsed already (a text changed after endorsement is endorsed as a new one). */
    public boolean endorsed(long cycleId, long reportVersionId) {
        return jdbc.sql("select count(*) from endorsement where cycle_id = ? and report_version_id = ?")
                .params(cycleId, reportVersionId).query(Integer.class).single() > 0;
    }

    void insert(long cycleId, long reportVersionId, long userId, String note) {
        jdbc.sql("insert into endorsement (cycle_id, report_version_id, endorsed_by, note) values (?, ?, ?, ?)")
                .params(cycleId, reportVersionId, userId, note).update();
        events.publishEvent(new ReportEndorsed(cycleId, reportVersionId));
    }
}
