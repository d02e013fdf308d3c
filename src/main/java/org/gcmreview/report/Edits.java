package org.gcmreview.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.gcmreview.tasks.TaskSubmission;

/**
 * Reads the fields of an editable text from a task form ({@code body-<id>}, {@code status-<id>},
 * {@code version-<id>}) and words conflicts for the page. Shared by the contribution and report forms.
 */
final class Edits {

    static final int MAX_BODY = 20_000;
    /** Error key prefix marking a lock conflict on text {@code <id>}; the page then shows both texts. */
    static final String CONFLICT = "conflict-";

    private Edits() {
    }

    /**
     * The edit of text {@code id}, or empty when the form did not include it (then it is left as it is).
     * Problems go into {@code errors}.
     */
    static Optional<TextEdit> read(TaskSubmission form, long id, String label, Map<String, String> errors) {
        if (!form.fields().containsKey("body-" + id) && !form.fields().containsKey("status-" + id)) {
            return Optional.empty();
        }
        Integer version = version(form.field("version-" + id));
        if (version == null) {
            errors.put("body-" + id, "The form is incomplete; please reload the page.");
            return Optional.empty();
        }
        String body = TextEdit.normalise(form.fields().getFirst("body-" + id));
        if (body.length() > MAX_BODY) {
            errors.put("body-" + id, label + " is too long: keep it under " + MAX_BODY + " characters.");
        }
        String statusValue = form.field("status-" + id);
        String status = null;
        if (!statusValue.isEmpty()) {
            status = ImplementationStatus.parse(statusValue).map(Enum::name).orElse(null);
            if (status == null) {
                errors.put("status-" + id, "Choose a status for " + label.toLowerCase() + " from the list.");
            }
        }
        return Optional.of(new TextEdit(id, body, status, version));
    }

    /** One error per conflicting text, under {@code conflict-<id>}. */
    static Map<String, String> conflictErrors(VersionedTexts.Check check, LongFunction<String> label) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (VersionedTexts.Conflict conflict : check.conflicts()) {
            long id = conflict.edit().id();
            errors.put(CONFLICT + id, "Someone else saved " + label.apply(id) + " while you were editing it. "
                    + "Nothing was saved. Their text and yours are both shown below: merge them and save again.");
        }
        return errors;
    }

    private static Integer version(String value) {
        try {
            int v = Integer.parseInt(value);
            return v < 0 ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
