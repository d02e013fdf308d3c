package org.gcmreview.report;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The internal comments on a cycle's report sections and contributions (issue 16.2), as threads: an opening
 * comment and its replies. Who may read or write them is decided by the callers (report.comments); nothing here
 * is ever part of a frozen version or a public page.
 */
@Repository
public class Comments {

    /** Longest comment, in characters (also checked by the table). */
    public static final int MAX_LENGTH = 5_000;

    private static final String SELECT = """
            select k.id, k.cycle_id, k.section_id, k.contribution_id, k.parent_id, k.revision_no, k.body, k.author_id,
                   a.display_name as author_name, k.created_at, k.resolved_at, r.display_name as resolved_by_name,
                   coalesce(s.title, 'Objective ' || c.objective_number) as subject_title
              from report_comment k
              join app_user a on a.id = k.author_id
              left join app_user r on r.id = k.resolved_by
              left join report_section s on s.id = k.section_id
              left join contribution c on c.id = k.contribution_id
            """;

    private final JdbcClient jdbc;

    public Comments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an opening comment on a section ({@code section} true) or a contribution, at the text's revision. */
    public long add(long cycleId, boolean section, long subjectId, String body, long authorId) {
        String table = section ? "report_section" : "contribution";
        int revision = jdbc.sql("select lock_version from " + table + " where id = ?").param(subjectId)
                .query(Integer.class).optional().orElse(0);
        return jdbc.sql("insert into report_comment (cycle_id, section_id, contribution_id, revision_no, body, "
                        + "author_id) values (?, ?, ?, ?, ?, ?) returning id")
                .params(cycleId, section ? subjectId : null, section ? null : subjectId, revision, body, authorId)
                .query(Long.class).single();
    }

    /**
     * The author's last comment in this place (a section's or contribution's threads when {@code parentId} is
     * null, else one thread's replies) when it has this very text: a form sent twice (double click, resend) adds
     * the comment once.
     */
    public Optional<Long> repeated(boolean section, long subjectId, Long parentId, String body, long authorId) {
        String column = section ? "section_id" : "contribution_id";
        // the column is one of two constants, never from a request
        return jdbc.sql("select id, body from report_comment where " + column + " = ? and author_id = ?"
                        + " and parent_id is not distinct from ? order by id desc limit 1")
                .params(subjectId, authorId, parentId)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("body"))).optional()
                .filter(last -> last.getValue().equals(body)).map(Map.Entry::getKey);
    }

    /** Adds a reply to a thread's opening comment; the reply is about the same text, at its current revision. */
    public long reply(Comment opening, String body, long authorId) {
        String table = opening.onSection() ? "report_section" : "contribution";
        long subject = opening.onSection() ? opening.sectionId() : opening.contributionId();
        int revision = jdbc.sql("select lock_version from " + table + " where id = ?").param(subject)
                .query(Integer.class).optional().orElse(0);
        return jdbc.sql("insert into report_comment (cycle_id, section_id, contribution_id, parent_id, revision_no, "
                        + "body, author_id) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(opening.cycleId(), opening.sectionId(), opening.contributionId(), opening.id(), revision, body,
                        authorId)
                .query(Long.class).single();
    }

    /** Resolves a thread (true) or reopens it (false); false when it already was so. */
    public boolean resolve(long openingId, boolean resolved, long userId) {
        if (resolved) {
            return jdbc.sql("update report_comment set resolved_at = now(), resolved_by = ? "
                    + "where id = ? and parent_id is null and resolved_at is null").params(userId, openingId).update() > 0;
        }
        return jdbc.sql("update report_comment set resolved_at = null, resolved_by = null "
                + "where id = ? and parent_id is null and resolved_at is not null").param(openingId).update() > 0;
    }

    /** A comment of the cycle (opening or reply, without replies), if it is one of this cycle's. */
    public Optional<Comment> find(long cycleId, long id) {
        return jdbc.sql(SELECT + " where k.id = ? and k.cycle_id = ?").params(id, cycleId).query(this::map)
                .optional();
    }

    /** The threads on one section or contribution, oldest first. */
    public List<Comment> threads(boolean section, long subjectId) {
        return threaded(jdbc.sql(SELECT + (section ? " where k.section_id = ?" : " where k.contribution_id = ?")
                + " order by k.created_at, k.id").param(subjectId).query(this::map).list());
    }

    /** The threads of the cycle's sections, by section id. */
    public Map<Long, List<Comment>> bySection(long cycleId) {
        return threaded(jdbc.sql(SELECT + " where k.cycle_id = ? and k.section_id is not null order by k.created_at, k.id")
                .param(cycleId).query(this::map).list()).stream()
                .collect(Collectors.groupingBy(Comment::sectionId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The threads of these contributions, by contribution id. */
    public Map<Long, List<Comment>> byContribution(long cycleId, Collection<Long> contributionIds) {
        if (contributionIds.isEmpty()) {
            return Map.of();
        }
        return threaded(jdbc.sql(SELECT + " where k.cycle_id = ? and k.contribution_id in (:ids) order by k.created_at, k.id"
                        .replace("?", ":cycle"))
                .param("cycle", cycleId).param("ids", contributionIds).query(this::map).list()).stream()
                .collect(Collectors.groupingBy(Comment::contributionId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The open threads on the cycle's sections, in report order: what a sign-off request can point at. */
    public List<Comment> openOnSections(long cycleId) {
        return threaded(jdbc.sql(SELECT + " where k.cycle_id = ? and k.section_id is not null and (k.parent_id is not null "
                        + "or k.resolved_at is null) order by s.position, k.created_at, k.id")
                .param(cycleId).query(this::map).list()).stream().filter(c -> !c.resolved()).toList();
    }

    /**
     * What a signing ministry's request for changes can point at: the open threads on the report's sections, in
     * report order, then those on its own contributions (issue 16.2; another ministry's contribution comments are
     * not its to read).
     */
    public List<Comment> openPointable(long cycleId, long ministryId) {
        List<Comment> open = new ArrayList<>(openOnSections(cycleId));
        open.addAll(threaded(jdbc.sql(SELECT + " where k.cycle_id = ? and c.ministry_id = ? and (k.parent_id is not null "
                        + "or k.resolved_at is null) order by c.objective_number, k.created_at, k.id")
                .params(cycleId, ministryId).query(this::map).list()).stream().filter(c -> !c.resolved()).toList());
        return open;
    }

    /** Every comment of a section or contribution, by the revision it was made on (for the revision history). */
    public Map<Integer, List<Comment>> byRevision(boolean section, long subjectId) {
        return jdbc.sql(SELECT + (section ? " where k.section_id = ?" : " where k.contribution_id = ?")
                        + " order by k.created_at, k.id").param(subjectId).query(this::map).list().stream()
                .collect(Collectors.groupingBy(Comment::revisionNo, LinkedHashMap::new, Collectors.toList()));
    }

    /** Links the comments a sign-off request for changes points at to its decision. */
    public void linkToDecision(long decisionId, Collection<Long> commentIds) {
        for (long id : commentIds) {
            jdbc.sql("insert into report_comment_decision (comment_id, signoff_decision_id) values (?, ?) "
                    + "on conflict do nothing").params(id, decisionId).update();
        }
    }

    /** The comments each of these sign-off decisions points at, by decision id. */
    public Map<Long, List<Comment>> linkedToDecisions(Collection<Long> decisionIds) {
        if (decisionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Comment>> linked = new LinkedHashMap<>();
        jdbc.sql(SELECT.replace("from report_comment k", ", d.signoff_decision_id from report_comment k "
                        + "join report_comment_decision d on d.comment_id = k.id")
                        + " where d.signoff_decision_id in (:ids) order by k.created_at, k.id")
                .param("ids", decisionIds)
                .query((rs, row) -> linked.computeIfAbsent(rs.getLong("signoff_decision_id"), k -> new ArrayList<>())
                        .add(map(rs, row)))
                .list();
        return linked;
    }

    /** The people who wrote in a thread (opening comment and replies). */
    public List<Long> participants(long openingId) {
        return jdbc.sql("select distinct author_id from report_comment where id = ? or parent_id = ?")
                .params(openingId, openingId).query(Long.class).list();
    }

    /** Opening comments with their replies attached, oldest first. */
    private static List<Comment> threaded(List<Comment> rows) {
        Map<Long, List<Comment>> replies = new LinkedHashMap<>();
        rows.stream().filter(c -> c.parentId() != null)
                .forEach(c -> replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c));
        return rows.stream().filter(c -> c.parentId() == null)
                .map(c -> c.withReplies(replies.getOrDefault(c.id(), List.of()))).toList();
    }

    private Comment map(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("cycle_id"), rs.getObject("section_id", Long.class),
                rs.getObject("contribution_id", Long.class), rs.getObject("parent_id", Long.class),
                rs.getInt("revision_no"), rs.getString("body"), rs.getLong("author_id"), rs.getString("author_name"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("resolved_at")),
                rs.getString("resolved_by_name"), rs.getString("subject_title"), null);
    }
}
