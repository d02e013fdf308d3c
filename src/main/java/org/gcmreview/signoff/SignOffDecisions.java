package org.gcmreview.signoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ministries' sign-off decisions and the sections each request for changes names. Rounds are numbered
 * from the decisions themselves: a round is complete once every ministry taking part in the cycle has decided
 * in it, and the next decision then opens the next round. The process only opens a new round after the
 * previous one completed, so this numbering follows it without the process having to count. Decisions are a
 * record: the database refuses to change or delete them.
 */
@Repository
public class SignOffDecisions {

    private static final String SELECT = """
            select d.id, d.cycle_id, d.round_no, d.ministry_id,
                   -- the name the ministry had when the cycle was scoped (db/V130)
                   coalesce((select a2.ministry_name from ministry_assignment a2 where a2.cycle_id = d.cycle_id and a2.ministry_id = d.ministry_id and a2.ministry_name is not null limit 1), m.name) as ministry_name, d.decision, d.reason,
                   u.username as decided_by, d.decided_at
              from signoff_decision d join ministry m on m.id = d.ministry_id join app_user u on u.id = d.decided_by
            """;

    private final JdbcClient jdbc;

    SignOffDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The round now open: the last one while some ministry has yet to decide in it, otherwise the next one. */
    public int currentRound(long cycleId) {
        Integer last = jdbc.sql("select max(round_no) from signoff_decision where cycle_id = ?").param(cycleId)
                .query(Integer.class).optional().orElse(null);
        if (last == null) {
            return 1;
        }
        int decided = jdbc.sql("select count(*) from signoff_decision where cycle_id = ? and round_no = ?")
                .params(cycleId, last).query(Integer.class).single();
        int taking = jdbc.sql("select count(distinct ministry_id) from ministry_assignment where cycle_id = ?")
                .param(cycleId).query(Integer.class).single();
        return decided < taking ? last : last + 1;
    }

    public Optional<SignOffDecision> find(long cycleId, int round, long ministryId) {
        return withSections(jdbc.sql(SELECT + " where d.cycle_id = ? and d.round_no = ? and d.ministry_id = ?")
                .params(cycleId, round, ministryId).query(this::map).list()).stream().findFirst();
    }

    public List<SignOffDecision> inRound(long cycleId, int round) {
        return withSections(jdbc.sql(SELECT + " where d.cycle_id = ? and d.round_no = ? order by m.name")
                .params(cycleId, round).query(this::map).list());
    }

    /** Every decision of the cycle, round by round: the audit trail of its sign-off. */
    public List<SignOffDecision> all(long cycleId) {
        return withSections(jdbc.sql(SELECT + " where d.cycle_id = ? order by d.round_no, m.name, d.id")
                .param(cycleId).query(this::map).list());
    }

    /** The requests for changes of the latest round that had any: what the coordinator revises now. */
    public List<SignOffDecision> latestChangeRequests(long cycleId) {
        return withSections(jdbc.sql(SELECT + """
                 where d.cycle_id = ? and d.decision = 'CHANGES_REQUESTED'
                   and d.round_no = (select max(round_no) from signoff_decision
                                      where cycle_id = ? and decision = 'CHANGES_REQUESTED')
                 order by m.name""").params(cycleId, cycleId).query(this::map).list());
    }

    long insert(long cycleId, int round, long ministryId, SignOffDecision.Decision decision, String reason,
            long userId, Collection<Long> sectionIds) {
        long id = jdbc.sql("""
                insert into signoff_decision (cycle_id, round_no, ministry_id, decision, reason, decided_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(cycleId, round, ministryId, decision.name(), reason, userId).query(Long.class).single();
        for (long sectionId : sectionIds) {
            jdbc.sql("insert into signoff_requested_section (decision_id, section_id) values (?, ?)")
                    .params(id, sectionId).update();
        }
        return id;
    }

    private List<SignOffDecision> withSections(List<SignOffDecision> decisions) {
        if (decisions.isEmpty()) {
            return decisions;
        }
        Map<Long, List<SignOffDecision.NamedSection>> named = new LinkedHashMap<>();
        jdbc.sql("""
                select r.decision_id, s.id, s.title from signoff_requested_section r
                  join report_section s on s.id = r.section_id
                 where r.decision_id = any(?) order by s.position, s.id""")
                .param(decisions.stream().map(SignOffDecision::id).toArray(Long[]::new))
                .query((rs, row) -> named.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new SignOffDecision.NamedSection(rs.getLong(2), rs.getString(3))))
                .list();
        return decisions.stream().map(d -> d.withSections(named.getOrDefault(d.id(), List.of()))).toList();
    }

    private SignOffDecision map(ResultSet rs, int row) throws SQLException {
        return new SignOffDecision(rs.getLong("id"), rs.getLong("cycle_id"), rs.getInt("round_no"),
                rs.getLong("ministry_id"), rs.getString("ministry_name"),
                SignOffDecision.Decision.valueOf(rs.getString("decision")), rs.getString("reason"),
                rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(), List.of());
    }
}
