package org.gcmreview.cycle;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changing who contributes to a cycle after scoping (issue 14.2): a ministry added with the objectives it drafts,
 * or removed (its assignments go; what it drafted stays, and its objectives go back to the coordinator, who writes
 * every section at consolidation anyway). The sign-off counts the ministries assigned, so a removed ministry does
 * not sign off and an added one does. Each change is recorded with its reason.
 */
@Repository
public class MinistryAssignments {

    public enum Change {
        ADDED, REMOVED
    }

    /** One change of the cycle's contributing ministries. */
    public record MinistryChange(long id, String ministryName, Change change, String objectives, String reason,
            String decidedBy, Instant decidedAt) {
    }

    private final JdbcClient jdbc;

    MinistryAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Objective numbers in the cycle's scope, ascending. */
    public List<Integer> objectivesInScope(long cycleId) {
        return jdbc.sql("select objective_number from cycle_objective where cycle_id = ? order by objective_number")
                .param(cycleId).query(Integer.class).list();
    }

    /** The objectives the ministry is assigned in the cycle. */
    public List<Integer> objectivesOf(long cycleId, long ministryId) {
        return jdbc.sql("""
                select objective_number from ministry_assignment where cycle_id = ? and ministry_id = ?
                 order by objective_number""").params(cycleId, ministryId).query(Integer.class).list();
    }

    /** Assigns the objectives to the ministry (not as lead: the lead chosen at scoping stays). */
    public long add(long cycleId, Ministry ministry, List<Integer> objectives, String reason, String decidedBy) {
        for (int objective : objectives) {
            jdbc.sql("""
                    insert into ministry_assignment (cycle_id, ministry_id, objective_number, lead, ministry_name)
                    values (?, ?, ?, false, ?) on conflict do nothing""")
                    .params(cycleId, ministry.id(), objective, ministry.name()).update();
        }
        return record(cycleId, ministry, Change.ADDED, objectives, reason, decidedBy);
    }

    /** Takes the ministry's assignments away; returns the record's id. */
    public long remove(long cycleId, Ministry ministry, String reason, String decidedBy) {
        List<Integer> objectives = objectivesOf(cycleId, ministry.id());
        jdbc.sql("delete from ministry_assignment where cycle_id = ? and ministry_id = ?")
                .params(cycleId, ministry.id()).update();
        return record(cycleId, ministry, Change.REMOVED, objectives, reason, decidedBy);
    }

    public List<MinistryChange> changes(long cycleId) {
        return jdbc.sql("""
                select id, ministry_name, change, objectives, reason, decided_by, decided_at
                  from cycle_ministry_change where cycle_id = ? order by decided_at, id""")
                .param(cycleId)
                .query((rs, row) -> new MinistryChange(rs.getLong("id"), rs.getString("ministry_name"),
                        Change.valueOf(rs.getString("change")), rs.getString("objectives"), rs.getString("reason"),
                        rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    private long record(long cycleId, Ministry ministry, Change change, List<Integer> objectives, String reason,
            String decidedBy) {
        return jdbc.sql("""
                insert into cycle_ministry_change (cycle_id, ministry_id, change, objectives, reason, ministry_name,
                                                   decided_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(cycleId, ministry.id(), change.name(),
                        objectives.stream().map(String::valueOf).collect(Collectors.joining(", ")), reason,
                        ministry.name(), decidedBy)
                .query(Long.class).single();
    }
}
