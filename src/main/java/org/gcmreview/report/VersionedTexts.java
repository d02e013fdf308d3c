package org.gcmreview.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Optimistic locking and revision history for the two kinds of editable report text, contributions and
 * report sections, which have the same shape: body, implementation_status and lock_version on the row, and
 * one revision row per saved change, numbered by the lock_version it created.
 *
 * <p>A batch of edits is checked completely before anything is written, with the rows locked, so a form with
 * one stale text stores nothing at all. An edit counts as a change only when it differs from the text the
 * user started from (the revision at their lock_version); untouched texts never conflict.
 */
final class VersionedTexts {

    /** What the row holds now. */
    record Stored(long id, String body, String status, int lockVersion) {
    }

    /** An edit that would overwrite someone else's newer save. */
    record Conflict(TextEdit edit, Stored current) {
    }

    /** The edits that change something, or the conflicts that stop the whole batch. */
    record Check(List<TextEdit> changes, List<Conflict> conflicts) {

        boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final String table;
    private final String revisionTable;
    private final String revisionKey;

    VersionedTexts(JdbcClient jdbc, String table, String revisionTable, String revisionKey) {
        this.jdbc = jdbc;
        this.table = table;
        this.revisionTable = revisionTable;
        this.revisionKey = revisionKey;
    }

    /** Locks the rows of the edits until the transaction ends and sorts the edits into changes and conflicts. */
    Check check(List<TextEdit> edits) {
        List<TextEdit> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (TextEdit edit : edits.stream().sorted(Comparator.comparingLong(TextEdit::id)).toList()) {
            Stored current = lock(edit.id());
            if (same(edit, current.body(), current.status())) {
                continue; // already says exactly this
            }
            if (edit.baseVersion() == current.lockVersion()) {
                changes.add(edit);
                continue;
            }
            Optional<Stored> base = atVersion(edit.id(), edit.baseVersion());
            if (base.isPresent() && same(edit, base.get().body(), base.get().status())) {
                continue; // the user left it as it was; someone else's newer text stays
            }
            conflicts.add(new Conflict(edit, current));
        }
        return new Check(changes, conflicts);
    }

    /** Writes one checked change: the row with the next lock_version, and the revision that records it. */
    int write(TextEdit edit, long authorId) {
        int next = edit.baseVersion() + 1;
        int updated = jdbc.sql("update " + table + " " + """
                set body = ?, implementation_status = ?, lock_version = ?, updated_by = ?, updated_at = now()
                where id = ? and lock_version = ?""")
                .params(edit.body(), edit.status(), next, authorId, edit.id(), edit.baseVersion()).update();
        if (updated != 1) {
            // cannot happen while check() holds the row lock; fail loudly rather than lose an edit
            throw new IllegalStateException(table + " " + edit.id() + " changed during a checked save");
        }
        jdbc.sql("insert into " + revisionTable + " (" + revisionKey
                        + ", revision_no, body, implementation_status, author_id) values (?, ?, ?, ?, ?)")
                .params(edit.id(), next, edit.body(), edit.status(), authorId).update();
        return next;
    }

    private Stored lock(long id) {
        return jdbc.sql("select id, body, implementation_status, lock_version from " + table
                        + " where id = ? for update")
                .param(id).query(this::map).single();
    }

    /** The text as of a lock_version: version 0 is the empty text a row is created with. */
    private Optional<Stored> atVersion(long id, int version) {
        if (version == 0) {
            return Optional.of(new Stored(id, "", null, 0));
        }
        return jdbc.sql("select " + revisionKey + " as id, body, implementation_status, revision_no as lock_version from "
                        + revisionTable + " where " + revisionKey + " = ? and revision_no = ?")
                .params(id, version).query(this::map).optional();
    }

    private static boolean same(TextEdit edit, String body, String status) {
        return edit.body().equals(body) && Objects.equals(edit.status(), status);
    }

    private Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getString("body"), rs.getString("implementation_status"),
                rs.getInt("lock_version"));
    }
}
