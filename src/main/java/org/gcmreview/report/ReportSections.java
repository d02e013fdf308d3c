package org.gcmreview.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.gcmreview.reference.Objective;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sections of a cycle's report, with their revision history. */
@Repository
public class ReportSections {

    private final JdbcClient jdbc;
    private final VersionedTexts texts;

    public ReportSections(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.texts = new VersionedTexts(jdbc, "report_section", "section_revision", "section_id");
    }

    /**
     * Creates the empty report: introduction, policy, one section per objective in scope (in objective order),
     * means of implementation, next steps.
     */
    public void createSkeleton(long cycleId, List<Objective> objectivesInScope) {
        int position = 0;
        insert(cycleId, SectionKind.INTRODUCTION, null, ++position, SectionKind.INTRODUCTION.title());
        insert(cycleId, SectionKind.POLICY, null, ++position, SectionKind.POLICY.title());
        for (Objective objective : objectivesInScope.stream()
                .sorted(java.util.Comparator.comparingInt(Objective::number)).toList()) {
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
        return jdbc.sql("""
                select id, cycle_id, kind, objective_number, position, title, body, implementation_status, lock_version
                  from report_section where cycle_id = ? order by position, id""")
                .param(cycleId).query(this::map).list();
    }

    VersionedTexts.Check check(List<TextEdit> edits) {
        return texts.check(edits);
    }

    void write(TextEdit edit, long authorId) {
        texts.write(edit, authorId);
    }


    private void insert(long cycleId, SectionKind kind, Integer objective, int position, String title) {
        jdbc.sql("""
                insert into report_section (cycle_id, kind, objective_number, position, title) values (?, ?, ?, ?, ?)""")
                .params(cycleId, kind.name(), objective, position, title).update();
    }

    private ReportSection map(ResultSet rs, int row) throws SQLException {
        return new ReportSection(rs.getLong("id"), rs.getLong("cycle_id"), SectionKind.valueOf(rs.getString("kind")),
                rs.getObject("objective_number", Integer.class), rs.getInt("position"), rs.getString("title"),
                rs.getString("body"), rs.getString("implementation_status"), rs.getInt("lock_version"));
    }
}
