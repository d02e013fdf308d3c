package org.gcmreview.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.gcmreview.reference.Objective;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sections of a cycle's report, with their revision history. */
@Repository
public class ReportSections {

    private final JdbcClient jdbc;
    private final VersionedContent content;

    public ReportSections(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.content = new VersionedContent(jdbc, batch, ContentTable.SECTION);
    }

    /**
     * Creates the empty report: introduction, policy, one section per objective in scope (in objective order),
     * means of implementation, next steps.
     */
    public void createSkeleton(long cycleId, List<Objective> objectivesInScope) {
        int position = 0;
        insert(cycleId, SectionKind.INTRODUCTION, null, ++position, SectionKind.INTRODUCTION.title());
        insert(cycleId, SectionKind.POLICY, null, ++position, SectionKind.POLICY.title());
        for (Objective objective : objectivesInScope.stream().sorted(Comparator.comparingInt(Objective::number))
                .toList()) {
            insert(cycleId, SectionKind.OBJECTIVE, objective.number(), ++position,
                    "Objective " + objective.number() + ": " + objective.title());
        }
        insert(cycleId, SectionKind.MEANS, null, ++position, SectionKind.MEANS.title());
        insert(cycleId, SectionKind.NEXT_STEPS, null, ++position, SectionKind.NEXT_STEPS.title());
    }

    public boolean exist(long cycleId) {
        return jdbc.sql("select count(*) from report_section where cycle_id = ?").param(cycleId).query(Integer.class)
                .single() > 0;
    }

    public List<ReportSection> forCycle(long cycleId) {
        List<ReportSection> rows = jdbc.sql("""
                select id, cycle_id, kind, objective_number, position, title, body, implementation_status, measures,
                       practices, challenges, lock_version, principles, carried_over
                  from report_section where cycle_id = ? order by position, id""")
                .param(cycleId).query(this::map).list();
        Map<Long, List<Indicator>> indicators = content.indicators(rows.stream().map(ReportSection::id).toList());
        return rows.stream().map(s -> new ReportSection(s.id(), s.cycleId(), s.kind(), s.objectiveNumber(),
                s.position(), s.title(), s.content().withIndicators(indicators.getOrDefault(s.id(), List.of())),
                s.lockVersion(), s.carriedOver())).toList();
    }

    VersionedContent.Check check(List<FormEdit> edits) {
        return content.check(edits);
    }

    /** Writes checked changes ({@link #check}) as new revisions. */
    void write(VersionedContent.Check checked, long authorId) {
        content.write(checked, authorId);
    }

    /**
     * Prefills a new, untouched section with what the previous report said, as its first revision, and marks it
     * "carried over" (issue 16.3); the mark goes with the first save that changes the section.
     */
    void carryOver(long sectionId, SectionContent previous, long authorId) {
        content.write(List.of(new ContentEdit(sectionId, previous, 0)), authorId);
        jdbc.sql("update report_section set carried_over = true where id = ?").param(sectionId).update();
    }

    private void insert(long cycleId, SectionKind kind, Integer objective, int position, String title) {
        jdbc.sql("""
                insert into report_section (cycle_id, kind, objective_number, position, title) values (?, ?, ?, ?, ?)""")
                .params(cycleId, kind.name(), objective, position, title).update();
    }

    private ReportSection map(ResultSet rs, int row) throws SQLException {
        return new ReportSection(rs.getLong("id"), rs.getLong("cycle_id"), SectionKind.valueOf(rs.getString("kind")),
                rs.getObject("objective_number", Integer.class), rs.getInt("position"), rs.getString("title"),
                VersionedContent.content(rs, List.of()), rs.getInt("lock_version"), rs.getBoolean("carried_over"));
    }
}
