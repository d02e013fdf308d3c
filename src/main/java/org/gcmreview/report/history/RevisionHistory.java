package org.gcmreview.report.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.report.DraftingMessages;
import org.gcmreview.report.history.HistorySubject.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who wrote what, when, in a report section or a contribution, and what changed between two revisions.
 *
 * <p>Access: a report section's history is for the country's coordinator; a contribution's also
 * for the ministry that wrote it. Another country's users get 403 before anything is looked up; an id that is
 * not part of the cycle in the URL gets 404, whatever it is elsewhere, so ids cannot be probed across cycles.
 */
@Service
class RevisionHistory {

    private final JdbcClient jdbc;
    private final ReviewCycles cycles;

    private final DraftingMessages messages;

    RevisionHistory(JdbcClient jdbc, ReviewCycles cycles, DraftingMessages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.cycles = cycles;
    }

    public HistorySubject section(long cycleId, long sectionId, CurrentUser user) {
        ReviewCycle cycle = cycles.findVisible(cycleId, user);
        if (!user.is(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only the national coordinator can see the history of the report");
        }
        return jdbc.sql("select id, title from report_section where id = ? and cycle_id = ?")
                .params(sectionId, cycleId)
                .query((rs, row) -> new HistorySubject(Kind.SECTION, cycleId, rs.getLong("id"), rs.getString("title"),
                        cycle.title()))
                .optional().orElseThrow(() -> new RevisionNotFoundException(messages.get("history.error.noSection")));
    }

    public HistorySubject contribution(long cycleId, long contributionId, CurrentUser user) {
        ReviewCycle cycle = cycles.findVisible(cycleId, user);
        record Found(HistorySubject subject, long ministryId) {
        }
        Found found = jdbc.sql("""
                select c.id, c.ministry_id, c.objective_number, o.short_title,
                       coalesce((select a2.ministry_name from ministry_assignment a2 where a2.cycle_id = c.cycle_id and a2.ministry_id = c.ministry_id and a2.ministry_name is not null limit 1), m.name) as ministry_name
                  from contribution c join objective o on o.number = c.objective_number
                  join ministry m on m.id = c.ministry_id
                 where c.id = ? and c.cycle_id = ?""")
                .params(contributionId, cycleId)
                .query((rs, row) -> new Found(new HistorySubject(Kind.CONTRIBUTION, cycleId, rs.getLong("id"),
                        messages.get("history.contributionTitle", rs.getInt("objective_number"),
                                rs.getString("short_title"), rs.getString("ministry_name")), cycle.title()),
                        rs.getLong("ministry_id")))
                .optional()
                .orElseThrow(() -> new RevisionNotFoundException(messages.get("history.error.noContribution")));
        boolean allowed = user.is(Role.COORDINATOR)
                || (user.is(Role.MINISTRY) && user.ministryId() != null && user.ministryId() == found.ministryId());
        if (!allowed) {
            throw new AccessDeniedException("Only the ministry that wrote this contribution and the national "
                    + "coordinator can see its history");
        }
        return found.subject();
    }

    /** Every revision, newest first. */
    public List<Revision> revisions(HistorySubject subject) {
        Kind kind = subject.kind();
        return jdbc.sql("select r.revision_no, lag(r.revision_no) over (order by r.revision_no) as previous_no, "
                        + "u.display_name, r.created_at, " + kind.noteColumn + " as note, r.implementation_status from "
                        + kind.revisionTable + " r join app_user u on u.id = r.author_id where r." + kind.ownerColumn
                        + " = ? order by r.revision_no desc")
                .param(subject.id()).query(this::map).list();
    }

    /** The two revisions (404 if either is not one of this subject's) and the differences from one to the other. */
    public Comparison compare(HistorySubject subject, int from, int to) {
        Revision older = revision(subject, from);
        Revision newer = revision(subject, to);
        TextDiff.Result diff = TextDiff.diff(body(subject, from), body(subject, to));
        return new Comparison(subject, older, newer, diff);
    }

    private Revision revision(HistorySubject subject, int number) {
        return revisions(subject).stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> new RevisionNotFoundException(messages.get("history.error.noRevision", number)));
    }

    private String body(HistorySubject subject, int number) {
        Kind kind = subject.kind();
        Optional<String> body = jdbc.sql("select body from " + kind.revisionTable + " where " + kind.ownerColumn
                        + " = ? and revision_no = ?")
                .params(subject.id(), number).query(String.class).optional();
        return body.orElseThrow(() -> new RevisionNotFoundException(messages.get("history.error.noRevision", number)));
    }

    private Revision map(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getInt("revision_no"), rs.getObject("previous_no", Integer.class),
                rs.getString("display_name"), rs.getTimestamp("created_at").toInstant(), rs.getString("note"),
                rs.getString("implementation_status"));
    }
}
