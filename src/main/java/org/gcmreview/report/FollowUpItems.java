package org.gcmreview.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-up items of a cycle (table {@code follow_up_item}): the commitments of the previous report's "Next
 * steps" section, one per line, with what became of each (issue 16.3).
 */
@Repository
public class FollowUpItems {

    static final int MAX_ITEMS = 50;
    static final int MAX_COMMITMENT = 2_000;
    /** A list marker at the start of a line: "-", "*", "•", "1." or "1)". */
    private static final Pattern MARKER = Pattern.compile("^(?:[-*\\u2022\\u2013]|\\d{1,3}[.)])\\s*");
    /** "Objective 5" in the six languages a report can be written in. */
    private static final Pattern OBJECTIVE = Pattern.compile(
            "(?iu)(?:objective|objectif|objetivo|цель|目标|الهدف)\\s*(?:n[o°º]\\.?\\s*)?(\\d{1,2})");

    private final JdbcClient jdbc;

    FollowUpItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<FollowUpItem> forCycle(long cycleId) {
        return jdbc.sql("select * from follow_up_item where cycle_id = ? order by position").param(cycleId)
                .query(FollowUpItems::map).list();
    }

    Optional<FollowUpItem> find(long cycleId, long id) {
        return jdbc.sql("select * from follow_up_item where cycle_id = ? and id = ?").params(cycleId, id)
                .query(FollowUpItems::map).optional();
    }

    /** Makes the cycle's items from the previous report's next steps; returns how many. */
    int create(long cycleId, long fromVersionId, String nextSteps) {
        List<String> commitments = commitments(nextSteps);
        for (int i = 0; i < commitments.size(); i++) {
            jdbc.sql("""
                    insert into follow_up_item (cycle_id, position, commitment, objective_number, from_version_id)
                    values (?, ?, ?, ?, ?)""")
                    .params(cycleId, i, commitments.get(i), objectiveNamed(commitments.get(i)), fromVersionId)
                    .update();
        }
        return commitments.size();
    }

    /** Stores what became of an item, unless someone else saved it since {@code baseVersion}; false then. */
    boolean record(long id, FollowUpOutcome outcome, String note, int baseVersion, long userId) {
        return jdbc.sql("""
                update follow_up_item set outcome = ?, note = ?, lock_version = lock_version + 1, updated_by = ?,
                       updated_at = now()
                 where id = ? and lock_version = ?""")
                .params(outcome.name(), note, userId, id, baseVersion).update() == 1;
    }

    /** One commitment per non-blank line, without its list marker; at most {@link #MAX_ITEMS}. */
    static List<String> commitments(String nextSteps) {
        List<String> items = new ArrayList<>();
        if (nextSteps == null) {
            return items;
        }
        for (String line : nextSteps.replace("\r\n", "\n").split("\n")) {
            String item = MARKER.matcher(line.strip()).replaceFirst("").strip();
            if (!item.isEmpty() && items.size() < MAX_ITEMS) {
                items.add(item.length() > MAX_COMMITMENT ? item.substring(0, MAX_COMMITMENT) : item);
            }
        }
        return items;
    }

    /** The GCM objective (1-23) a commitment names, or null. */
    static Integer objectiveNamed(String commitment) {
        Matcher m = OBJECTIVE.matcher(commitment);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= 23) {
                return n;
            }
        }
        return null;
    }

    private static FollowUpItem map(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp updated = rs.getTimestamp("updated_at");
        return new FollowUpItem(rs.getLong("id"), rs.getLong("cycle_id"), rs.getInt("position"),
                rs.getString("commitment"), rs.getObject("objective_number", Integer.class), rs.getString("outcome"),
                rs.getString("note"), rs.getInt("lock_version"), updated == null ? null : updated.toInstant());
    }
}
