package org.gcmreview.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /**
     * The edits that change something, or the conflicts that stop the whole batch; and which of the changed rows
     * had indicators when they were checked (locked since), whose old indicators a write has to delete.
     */
    record Check(List<ContentEdit> changes, List<Conflict> conflicts, Set<Long> withIndicators) {

        boolean clean() {
            return conflicts.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    /** For the batches of {@link #write}, which JdbcClient does not offer. */
    private final JdbcTemplate batch;
    private final ContentTable t;

    VersionedContent(JdbcClient jdbc, JdbcTemplate batch, ContentTable table) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.t = table;
    }

    /**
     * Locks the rows of the edits until the transaction ends and sorts the edits into changes and conflicts. The
     * rows are locked in one statement, in id order (PostgreSQL sorts before it locks), so two saves over the same
     * rows still take their locks in one order and never deadlock; their indicators come in the same statement.
     */
    Check check(List<FormEdit> edits) {
        return check(edits, lock(edits.stream().map(FormEdit::id).distinct().sorted().toList()));
    }

    /**
     * As {@link #check(List)}, over rows the caller has already locked in this transaction and read as they are
     * now (a form that locks its rows when it first reads them, so as not to read them twice).
     */
    Check check(List<FormEdit> edits, Map<Long, Stored> locked) {
        List<FormEdit> sorted = edits.stream().sorted(Comparator.comparingLong(FormEdit::id)).toList();
        List<ContentEdit> changes = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        Set<Long> withIndicators = new HashSet<>();
        for (FormEdit edit : sorted) {
            Stored current = locked.get(edit.id());
            if (current == null) {
                throw new EmptyResultDataAccessException(t.table + " " + edit.id() + " does not exist", 1);
            }
            Optional<SectionContent> base = edit.baseVersion() == current.lockVersion()
                    ? Optional.of(current.content()) : atVersion(edit.id(), edit.baseVersion());
            ContentEdit full = edit.over(base.orElse(current.content()));
            if (full.content().equals(current.content())) {
                continue; // already says exactly this
            }
            if (edit.baseVersion() == current.lockVersion()) {
                changes.add(full);
                if (!current.content().indicators().isEmpty()) {
                    withIndicators.add(edit.id());
                }
                continue;
            }
            if (base.isPresent() && full.content().equals(base.get())) {
                continue; // the user left it as it was; someone else's newer content stays
            }
            conflicts.add(new Conflict(full, current));
        }
        return new Check(changes, conflicts, withIndicators);
    }

    /**
     * Writes checked changes: each row with its next lock_version, its indicators, and its revision. One batch per
     * kind of statement (one round trip each, however many rows the form changed), in the order of the edits.
     */
    void write(List<ContentEdit> edits, long authorId) {
        write(edits, edits.stream().map(ContentEdit::id).toList(), authorId);
    }

    /**
     * As {@link #write(List, long)}, for the changes of a check: only the rows that had indicators then (their
     * rows have been locked since) have old indicators to delete, and with none of them the delete is not sent.
     */
    void write(Check checked, long authorId) {
        write(checked.changes(), checked.changes().stream().map(ContentEdit::id)
                .filter(checked.withIndicators()::contains).toList(), authorId);
    }

    private void write(List<ContentEdit> edits, List<Long> withIndicators, long authorId) {
        if (edits.isEmpty()) {
            return;
        }
        // a save also clears the "carried over" mark (issue 16.3): only changes are ever written
        int[] updated = batch.batchUpdate("update " + t.table + " " + """
                set body = ?, implementation_status = ?, measures = ?, practices = ?, challenges = ?,
                    lock_version = ?, updated_by = ?, updated_at = now(), principles = ?, carried_over = false
                 where id = ? and lock_version = ?""", edits.stream().map(edit -> {
                    SectionContent c = edit.content();
                    return new Object[] {c.narrative(), c.status(), c.measures(), c.practices(), c.challenges(),
                            edit.baseVersion() + 1, authorId, c.principlesColumn(), edit.id(), edit.baseVersion()};
                }).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                // cannot happen while check() holds the row lock; fail loudly rather than lose an edit
                throw new IllegalStateException(t.table + " " + edits.get(i).id() + " changed during a checked save");
            }
        }
        if (!withIndicators.isEmpty()) {
            jdbc.sql("delete from " + t.indicatorTable + " where " + t.ownerKey + " = any(?)")
                    .param(withIndicators.toArray(Long[]::new)).update();
        }
        List<Object[]> indicatorRows = new ArrayList<>();
        for (ContentEdit edit : edits) {
            int position = 0;
            for (Indicator i : edit.content().indicators()) {
                indicatorRows.add(new Object[] {edit.id(), position++, i.name(), i.value(), i.unit(), i.source(),
                        i.year()});
            }
        }
        if (!indicatorRows.isEmpty()) {
            batch.batchUpdate("insert into " + t.indicatorTable + " (" + t.ownerKey
                    + ", position, name, value, unit, source, year) values (?, ?, ?, ?, ?, ?, ?)", indicatorRows);
        }
        batch.batchUpdate("insert into " + t.revisionTable + " (" + t.ownerKey + ", revision_no, body, "
                        + "implementation_status, measures, practices, challenges, indicators, author_id, principles"
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", edits.stream().map(edit -> {
                    SectionContent c = edit.content();
                    return new Object[] {edit.id(), edit.baseVersion() + 1, c.narrative(), c.status(), c.measures(),
                            c.practices(), c.challenges(), IndicatorsJson.write(c.indicators()), authorId,
                            c.principlesColumn()};
                }).toList());
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

    /**
     * Locks the rows with these ids (sorted) until the transaction ends: what each holds now, by id. Their
     * indicators come in the same statement, as the JSON the revisions keep them in (FOR UPDATE locks only the
     * rows of the FROM clause, not the indicators the subquery reads).
     */
    private Map<Long, Stored> lock(List<Long> sortedIds) {
        Map<Long, Stored> locked = new LinkedHashMap<>();
        if (sortedIds.isEmpty()) {
            return locked;
        }
        jdbc.sql("select r.id, r.body, r.implementation_status, r.measures, r.practices, r.challenges, "
                        + "r.lock_version, r.principles, " + indicatorsJson("r") + " as indicators from " + t.table
                        + " r where r.id = any(?) order by r.id for update")
                .param(sortedIds.toArray(Long[]::new))
                .query((rs, n) -> new Stored(rs.getLong("id"),
                        content(rs, IndicatorsJson.read(rs.getString("indicators"))), rs.getInt("lock_version")))
                .list()
                .forEach(row -> locked.put(row.id(), row));
        return locked;
    }

    /**
     * A subquery giving the indicators of the row aliased {@code row}, in their order, as the JSON the revisions
     * keep them in ({@link IndicatorsJson#read}); null when it has none. In a FOR UPDATE query it locks nothing.
     */
    String indicatorsJson(String row) {
        return "(select json_agg(json_build_object('name', i.name, 'value', i.value, 'unit', i.unit, 'source', "
                + "i.source, 'year', i.year) order by i.position) from " + t.indicatorTable + " i where i."
                + t.ownerKey + " = " + row + ".id)";
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
