package org.gcmreview.cycle;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ministries a cycle went on without (issue 14.2): the coordinator ended a ministry's drafting or sign-off that
 * had not come, with a reason. A record (never changed), shown on the progress page, in the sign-off record and
 * with the report's methodology (draft and published).
 */
@Repository
public class MinistryAbsences {

    /** Where the cycle went on without the ministry. */
    public enum Stage {
        DRAFTING, SIGN_OFF
    }

    /** One decision to proceed without a ministry. */
    public record MinistryAbsence(long id, long ministryId, String ministryName, Stage stage, String reason,
            String decidedBy, Instant decidedAt) {
    }

    private final JdbcClient jdbc;

    MinistryAbsences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long record(long cycleId, long ministryId, Stage stage, String reason, String decidedBy) {
        return jdbc.sql("""
                insert into ministry_absence (cycle_id, ministry_id, stage, reason, decided_by)
                values (?, ?, ?, ?, ?) returning id""")
                .params(cycleId, ministryId, stage.name(), reason, decidedBy).query(Long.class).single();
    }

    public List<MinistryAbsence> forCycle(long cycleId) {
        return jdbc.sql("""
                select x.id, x.ministry_id,
                       coalesce((select a.ministry_name from ministry_assignment a where a.cycle_id = x.cycle_id
                                    and a.ministry_id = x.ministry_id and a.ministry_name is not null limit 1),
                                m.name) as ministry_name,
                       x.stage, x.reason, x.decided_by, x.decided_at
                  from ministry_absence x join ministry m on m.id = x.ministry_id
                 where x.cycle_id = ? order by x.decided_at, x.id""")
                .param(cycleId)
                .query((rs, row) -> new MinistryAbsence(rs.getLong("id"), rs.getLong("ministry_id"),
                        rs.getString("ministry_name"), Stage.valueOf(rs.getString("stage")), rs.getString("reason"),
                        rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }
}
