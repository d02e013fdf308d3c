package org.gcmreview.submission.workspace;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gcmreview.reference.Objective;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.SubmissionStatus;

/**
 * A round's synthesis: for each country that submitted, the implementation status its latest submitted version
 * reports for each GCM objective. A missing cell means the report does not cover the objective.
 */
public record Synthesis(ReviewRound round, List<Objective> objectives, List<Row> rows) {

    /** What a report says about one objective. */
    public enum Cell {
        NOT_STARTED, PLANNED, IN_PROGRESS, IMPLEMENTED,
        /** The objective has a section, without a status. */
        NO_STATUS;

        static Cell of(String status) {
            if (status == null) {
                return NO_STATUS;
            }
            try {
                return valueOf(status);
            } catch (IllegalArgumentException e) {
                return NO_STATUS;
            }
        }
    }

    public record Row(String iso3, String countryName, String commissionCode, String businessKey, String title,
            int versionNo, String sha256, SubmissionStatus status, Map<Integer, Cell> cells) {

        public Cell cell(int objective) {
            return cells.get(objective);
        }
    }

    /** How many reports cover the objective, and how many give it each status. */
    public Map<Cell, Integer> totals(int objective) {
        Map<Cell, Integer> totals = new EnumMap<>(Cell.class);
        for (Row row : rows) {
            Cell cell = row.cell(objective);
            if (cell != null) {
                totals.merge(cell, 1, Integer::sum);
            }
        }
        return totals;
    }

    public int covering(int objective) {
        return (int) rows.stream().filter(r -> r.cell(objective) != null).count();
    }
}
