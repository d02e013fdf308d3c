package org.gcmreview.report;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ministries' drafts per objective, with their revision history. */
@Repository
public class Contributions {

    private static final String COLUMNS = """
            select c.id, c.cycle_id, c.ministry_id,
                   -- the name the ministry had when the cycle was scoped (db/V130)
                   coalesce((select a2.ministry_name from ministry_assignment a2 where a2.cycle_id = c.cycle_id and a2.ministry_id = c.ministry_id and a2.ministry_name is not null limit 1), m.name) as ministry_name, c.objective_number,
                   o.title as objective_title, coalesce(a.lead, false) as lead, c.body, c.implementation_status,
                   c.measures, c.practices, c.challenges, c.principles, c.carried_over, c.lock_version, c.updated_at,
                   c.submitted_at
            """;

    private static final String FROM = """
              from contribution c
              join ministry m on m.id = c.ministry_id
              join objective o on o.number = c.objective_number
              left join ministry_assignment a on a.cycle_id = c.cycle_id and a.ministry_id = c.ministry_id
                                             and a.objective_number = c.objective_number
            """;

    private static final String SELECT = COLUMNS + FROM;

    private final JdbcClient jdbc;
    private final VersionedContent content;

    public Contributions(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.content = new VersionedContent(jdbc, batch, ContentTable.CONTRIBUTION);
    }

    /** One empty contribution per (ministry, objective) assignment of the cycle; called once, at scoping. */
    public void createForAssignments(long cycleId) {
        jdbc.sql("""
                insert into contribution (cycle_id, ministry_id, objective_number)
                select cycle_id, ministry_id, objective_number from ministry_assignment where cycle_id = ?
                """).param(cycleId).update();
    }

    /** The empty contributions of a ministry added after scoping (issue 14.2), one per objective it was given. */
    public void createForMinistry(long cycleId, long ministryId) {
        jdbc.sql("""
                insert into contribution (cycle_id, ministry_id, objective_number)
                select cycle_id, ministry_id, objective_number from ministry_assignment
                 where cycle_id = ? and ministry_id = ?
                on conflict (cycle_id, ministry_id, objective_number) do nothing
                """).params(cycleId, ministryId).update();
    }

    public List<Contribution> forMinistry(long cycleId, long ministryId) {
        return withIndicators(jdbc.sql(SELECT + " where c.cycle_id = ? and c.ministry_id = ? order by c.objective_number")
                .params(cycleId, ministryId).query(this::map).list());
    }

    /**
     * As {@link #forMinistry}, with each row locked until the transaction ends: for a form that saves them, which
     * then checks its edits against these rows ({@link #check(List, List)}) instead of reading them again. Locked in
     * one statement in id order, as {@link #check(List)} locks, so the two never deadlock; the indicators come in
     * the same statement.
     */
    List<Contribution> lockForMinistry(long cycleId, long ministryId) {
        return jdbc.sql(COLUMNS + ", " + content.indicatorsJson("c") + " as indicators" + FROM
                        + " where c.cycle_id = ? and c.ministry_id = ? order by c.id for update of c")
                .params(cycleId, ministryId)
                .query((rs, row) -> map(rs, IndicatorsJson.read(rs.getString("indicators")))).list().stream()
                .sorted(Comparator.comparingInt(Contribution::objectiveNumber))
                .toList();
    }

    /** All contributions of a cycle, by objective, lead ministry first. */
    public List<Contribution> forCycle(long cycleId) {
        return withIndicators(jdbc.sql(SELECT + " where c.cycle_id = ? order by c.objective_number, lead desc, m.name")
                .param(cycleId).query(this::map).list());
    }

    VersionedContent.Check check(List<FormEdit> edits) {
        return content.check(edits);
    }

    /** As {@link #check(List)}, over contributions read with {@link #lockForMinistry} in this transaction. */
    VersionedContent.Check check(List<FormEdit> edits, List<Contribution> locked) {
        Map<Long, VersionedContent.Stored> stored = new LinkedHashMap<>();
        locked.forEach(c -> stored.put(c.id(), new VersionedContent.Stored(c.id(), c.content(), c.lockVersion())));
        return content.check(edits, stored);
    }

    /** Writes checked changes ({@link #check}) as new revisions. */
    void write(VersionedContent.Check checked, long authorId) {
        content.write(checked, authorId);
    }

    /**
     * Prefills a new, untouched contribution with what the previous endorsed report said for its objective, as its
     * first revision, and marks it "carried over" (issue 16.3); the mark goes with the first save that changes it.
     */
    void carryOver(long contributionId, SectionContent previous, long authorId) {
        content.write(List.of(new ContentEdit(contributionId, previous, 0)), authorId);
        jdbc.sql("update contribution set carried_over = true where id = ?").param(contributionId).update();
    }

    void markSubmitted(long cycleId, long ministryId) {
        jdbc.sql("update contribution set submitted_at = now() where cycle_id = ? and ministry_id = ?")
                .params(cycleId, ministryId).update();
    }

    private List<Contribution> withIndicators(List<Contribution> rows) {
        Map<Long, List<Indicator>> indicators = content.indicators(rows.stream().map(Contribution::id).toList());
        return rows.stream().map(c -> new Contribution(c.id(), c.cycleId(), c.ministryId(), c.ministryName(),
                c.objectiveNumber(), c.objectiveTitle(), c.lead(),
                c.content().withIndicators(indicators.getOrDefault(c.id(), List.of())), c.lockVersion(),
                c.updatedAt(), c.submittedAt(), c.carriedOver()))
                .toList();
    }

    private Contribution map(ResultSet rs, int row) throws SQLException {
        return map(rs, List.of());
    }

    private static Contribution map(ResultSet rs, List<Indicator> indicators) throws SQLException {
        return new Contribution(rs.getLong("id"), rs.getLong("cycle_id"), rs.getLong("ministry_id"),
                rs.getString("ministry_name"), rs.getInt("objective_number"), rs.getString("objective_title"),
                rs.getBoolean("lead"), VersionedContent.content(rs, indicators), rs.getInt("lock_version"),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("submitted_at")),
                rs.getBoolean("carried_over"));
    }
}
