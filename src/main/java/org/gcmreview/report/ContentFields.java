package org.gcmreview.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What the fields of a section or contribution editor show (bean {@code contentFields}, used by
 * {@code report/fragments :: editor}): after a refused save, exactly what the user typed, so nothing is lost;
 * otherwise the stored (or suggested) content with one empty indicator row to add to.
 */
@Component("contentFields")
class ContentFields {

    /** One indicator row of the form, as text (a refused year or value is shown as typed). */
    public record Row(int index, String name, String value, String unit, String source, String year) {
    }

    public record State(String status, String narrative, String measures, String practices, String challenges,
            List<Row> rows) {
    }

    /** The most rows a section's indicator table offers (the add-row button stops there). */
    public int maxRows() {
        return IndicatorRows.MAX_ROWS;
    }

    public State of(long id, SectionContent shown, MultiValueMap<String, String> values) {
        boolean typed = values != null && values.containsKey("version-" + id);
        if (!typed) {
            return new State(shown.status(), shown.narrative(), shown.measures(), shown.practices(),
                    shown.challenges(), storedRows(shown));
        }
        List<Row> rows = storedRows(shown);
        if (values.containsKey("indrows-" + id)) {
            rows = new ArrayList<>();
            int count = Math.min(count(values.getFirst("indrows-" + id)), IndicatorRows.MAX_ROWS);
            for (int n = 0; n < count; n++) {
                String prefix = "ind-" + id + "-" + n + "-";
                rows.add(new Row(n, typed(values, prefix + "name", ""), typed(values, prefix + "value", ""),
                        typed(values, prefix + "unit", ""), typed(values, prefix + "source", ""),
                        typed(values, prefix + "year", "")));
            }
        }
        return new State(typed(values, "status-" + id, shown.status()), typed(values, "body-" + id, shown.narrative()),
                typed(values, "measures-" + id, shown.measures()), typed(values, "practices-" + id, shown.practices()),
                typed(values, "challenges-" + id, shown.challenges()), rows);
    }

    private static List<Row> storedRows(SectionContent shown) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Indicator i : shown.indicators()) {
            rows.add(new Row(n++, i.name(), i.value(), i.unit(), i.source(), String.valueOf(i.year())));
        }
        while (rows.size() < Edits.rowsFor(shown)) {
            rows.add(new Row(n++, "", "", "", "", ""));
        }
        return rows;
    }

    /** Whether a refused save has an error for one of the fields of section (contribution) {@code id}. */
    public boolean hasErrors(java.util.Map<String, String> errors, long id) {
        if (errors == null) {
            return false;
        }
        for (String field : new String[] {"body-", "status-", "measures-", "practices-", "challenges-", "indrows-",
                "evidence-", "conflict-"}) {
            if (errors.containsKey(field + id)) {
                return true;
            }
        }
        String indicator = "ind-" + id + "-";
        return errors.keySet().stream().anyMatch(k -> k.startsWith(indicator));
    }

    private static String typed(MultiValueMap<String, String> values, String field, String otherwise) {
        return values.containsKey(field) ? values.getFirst(field) : otherwise;
    }

    private static int count(String value) {
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
