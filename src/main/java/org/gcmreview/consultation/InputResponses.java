package org.gcmreview.consultation;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The coordinator's responses to inputs (what we heard, and what we did with it): the outcome, the text and the
 * section revision it links to.
 */
@Repository
public class InputResponses {

    private final JdbcClient jdbc;

    public InputResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordResponse(long inputId, InputOutcome outcome, String text, Long revisionId, long userId) {
        jdbc.sql("""
                update consultation_input set response_outcome = ?, response_text = ?, response_revision_id = ?,
                       responded_by = ?, responded_at = now() where id = ?""")
                .params(outcome.name(), text, revisionId, userId, inputId).update();
    }

    /** A revision of a report section, as the coordinator chooses it when linking a response. */
    public record RevisionOption(long id, long sectionId, String sectionKind, Integer objectiveNumber,
            String sectionTitle, int revisionNo, String author, Instant createdAt, String note) {

        InputTarget target() {
            return "OBJECTIVE".equals(sectionKind) ? InputTarget.objective(objectiveNumber)
                    : InputTarget.section(sectionKind);
        }
    }

    /** Every section revision of the cycle, newest first per section. */
    List<RevisionOption> revisions(long cycleId) {
        return jdbc.sql("""
                select r.id, s.id, s.kind, s.objective_number, s.title, r.revision_no, u.display_name, r.created_at,
                       r.note
                  from section_revision r join report_section s on s.id = r.section_id
                  join app_user u on u.id = r.author_id
                 where s.cycle_id = ? order by s.position, s.id, r.revision_no desc""")
                .param(cycleId)
                .query((rs, n) -> new RevisionOption(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getString(5), rs.getInt(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }
}
