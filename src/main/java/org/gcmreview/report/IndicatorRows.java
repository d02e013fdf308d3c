package org.gcmreview.report;

import java.util.Optional;

import org.gcmreview.tasks.TaskOutcome;
import org.gcmreview.tasks.TaskSubmission;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * "Add an indicator row" (button {@code action=add-indicator-<id>}) in the drafting form and the report editor.
 * The page's script (static/js/indicator-rows.js) adds the row in the browser; where it does not run, the button
 * submits the form and this shows it again with what the user typed and one more empty row, storing nothing.
 * Either way a section offers at most {@link #MAX_ROWS} rows, and {@link Edits} reads no more than that.
 */
final class IndicatorRows {

    static final String ADD = "add-indicator-";
    /** The most indicators a section keeps, and one empty row to add to. */
    static final int MAX_ROWS = Edits.MAX_INDICATORS + 1;

    private IndicatorRows() {
    }

    /** The form with one more row for the section the button names, or empty when no such button was pressed. */
    static Optional<TaskOutcome.Rearranged> added(TaskSubmission form) {
        String action = form.action();
        if (!action.startsWith(ADD)) {
            return Optional.empty();
        }
        String id = action.substring(ADD.length());
        if (!id.matches("[0-9]{1,18}") || !form.fields().containsKey("indrows-" + id)) {
            return Optional.empty();
        }
        int rows = Math.min(count(form.field("indrows-" + id)) + 1, MAX_ROWS);
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>(form.fields());
        values.set("indrows-" + id, String.valueOf(rows));
        values.remove("action");
        return Optional.of(new TaskOutcome.Rearranged(values, "ind-" + id + "-" + (rows - 1) + "-name"));
    }

    private static int count(String value) {
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
