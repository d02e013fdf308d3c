package org.gcmreview.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Optimistic locking and revision history for the two kinds of editable content, contributions and report
 * sections, which have the same shape (see {@link ContentTable}): one revision row per saved change, numbered
 * by the lock_version it created, holding everything the save stored.
 *
 * <p>A batch of edits is checked completely before anything is written, with the rows locked, so a form with
 * one stale section stores nothing at all. An edit counts as a change only when it differs from what the user
 * started from (the revision at their lock_version); a section the user left as it was never conflicts, even
 * when someone else has changed it since. The lock covers the whole content: any two saves of one section
 * from the same version conflict unless they store the same thing.
 */
final class VersionedContent {

    /** What the row holds now. */
    record Stored(long id, SectionContent content, int lockVersion) {
    }

    /** An edit that would overwrite someone else's newer save. */
    record Conflict(ContentEdit edit, Stored current) {
    }

    /** The edits that change something, or the conflicts that stop the whole batch. */
    record Check(List<ContentEdit> changes, List<Conflict> conflicts) {

        boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final ContentTable t;

    VersionedContent(JdbcClient jdbc, ContentTable table) {
        this.jdbc = jdbc;
        this.t = table;
    }

    /** Locks the rows of the edits until the transaction ends and sorts the edits into changes and conflicts. */
    Check check(List<FormEdit> edits) {
        List<ContentEdit> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (FormEdit edit : edits.stream().sorted(Comparator.comparingLong(FormEdit::id)).toList()) {
            Stored current = lock(edit.id());
            Optional<SectionContent> base = edit.baseVersion() == current.lockVersion()
                    ? Optional.of(current.content()) : atVersion(edit.id(), edit.baseVersion());
            ContentEdit full = edit.over(base.orElse(current.content()));
            if (full.content().equals(current.content())) {
                continue; // already says exactly this
            }
            if (edit.baseVersion() == current.lockVersion()) {
                changes.add(full);
                continue;
            }
            if (base.isPresent() && full.content().equals(base.get())) {
                continue; // the user left it as it was; someone else's newer content stays
            }
            conflicts.add(new Conflict(full, current));
        }
        return new Check(changes, conflicts);
    }

    /** Writes one checked change: the row with the next lock_version, its indicators, and the revision. */
    int write(ContentEdit edit, long authorId) {
        int next = edit.baseVersion() + 1;
        SectionContent c = edit.content();
        // a save also clears the "carried over" mark (issue 16.3): only changes are ever written
        int updated = jdbc.sql("update " + t.table + " " + """
                set body = ?, implementation_status = ?, measures = ?, practices = ?, challenges = ?,
                    lock_version = ?, updated_by = ?, updated_at = now(), principles = ?, carried_over = false
                 where id = ? and lock_version = ?""")
                .params(c.narrative(), c.status(), c.measures(), c.practices(), c.challenges(), next, authorId,
                        c.principlesColumn(), edit.id(), edit.baseVersion())
                .update();
        if (updated != 1) {
            // cannot happen while check() holds the row lock; fail loudly rather than lose an edit
            throw new IllegalStateException(t.table + " " + edit.id() + " changed during a checked save");
        }
        jdbc.sql("delete from " + t.indicatorTable + " where " + t.ownerKey + " = ?").param(edit.id()).update();
        int position = 0;
        for (Indicator i : c.indicators()) {
            jdbc.sql("insert into " + t.indicatorTable + " (" + t.ownerKey
                            + ", position, name, value, unit, source, year) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(edit.id(), position++, i.name(), i.value(), i.unit(), i.source(), i.year()).update();
        }
        jdbc.sql("insert into " + t.revisionTable + " (" + t.ownerKey + ", revision_no, body, implementation_status, "
                        + "measures, practices, challenges, indicators, author_id, principles"
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(edit.id(), next, c.narrative(), c.status(), c.measures(), c.practices(), c.challenges(),
                        IndicatorsJson.write(c.indicators()), authorId, c.principlesColumn())
                .update();
        return next;
    }

    /** The indicators of these rows, by row id, in their order. */
    Map<Long, List<Indicator>> indicators(Collection<Long> ids) {
        Map<Long, List<Indicator>> byOwner = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byOwner;
        }
        jdbc.sql("select " + t.ownerKey + " as owner, name, value, unit, source, year from " + t.indicatorTable
                        + " where " + t.ownerKey + " = any(?) order by " + t.ownerKey + ", position")
                .param(ids.toArray(Long[]::new))
                .query((rs, row) -> byOwner.computeIfAbsent(rs.getLong("owner"), k -> new ArrayList<>())
                        .add(new Indicator(rs.getString("name"), rs.getString("value"), rs.getString("unit"),
                                rs.getString("source"), rs.getInt("year"))))
                .list();
        return byOwner;
    }

    /** The content of a row as its columns hold it, with these indicators (and its principles, if it has any). */
    static SectionContent content(ResultSet rs, List<Indicator> indicators) throws SQLException {
        return new SectionContent(rs.getString("implementation_status"), rs.getString("body"),
                rs.getString("measures"), rs.getString("practices"), rs.getString("challenges"), indicators,
                hasColumn(rs, "principles") ? SectionContent.principlesOf(rs.getString("principles")) : List.of());
    }

    private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
        var meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(meta.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }

    /** Both kinds of content carry guiding principles (V250 sections, V300 contributions). */
    private String principlesColumn() {
        return ", principles";
    }

    private Stored lock(long id) {
        Stored row = jdbc.sql("select id, body, implementation_status, measures, practices, challenges, lock_version"
                        + principlesColumn() + " from " + t.table + " where id = ? for update")
                .param(id).query((rs, n) -> new Stored(rs.getLong("id"), content(rs, List.of()),
                        rs.getInt("lock_version"))).single();
        return new Stored(row.id(),
                row.content().withIndicators(indicators(List.of(id)).getOrDefault(id, List.of())), row.lockVersion());
    }

    /** The content as of a lock_version: version 0 is the empty content a row is created with. */
    private Optional<SectionContent> atVersion(long id, int version) {
        if (version == 0) {
            return Optional.of(SectionContent.EMPTY);
        }
        return jdbc.sql("select body, implementation_status, measures, practices, challenges, indicators"
                        + principlesColumn() + " from " + t.revisionTable + " where " + t.ownerKey + " = ? and revision_no = ?")
                .params(id, version)
                .query((rs, row) -> content(rs, IndicatorsJson.read(rs.getString("indicators"))))
                .optional();
    }
}
