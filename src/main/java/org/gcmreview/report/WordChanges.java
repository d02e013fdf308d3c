package org.gcmreview.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gcmreview.report.history.TextDiff;

/**
 * What an upload would change, per objective and field, as word-level differences ({@link TextDiff}, as in the
 * revision history) against the contribution as it is now. Only fields that change are listed.
 */
public record WordChanges(List<Objective> objectives) {

    public record FieldChange(String label, TextDiff.Result diff) {
    }

    public record Objective(int number, String title, List<FieldChange> fields) {
    }

    public boolean none() {
        return objectives.isEmpty();
    }

    static WordChanges of(List<ContentEdit> edits, List<Contribution> current, DraftingMessages messages) {
        Map<Long, Contribution> byId = current.stream().collect(Collectors.toMap(Contribution::id,
                Function.identity()));
        List<Objective> objectives = new ArrayList<>();
        for (ContentEdit edit : edits) {
            Contribution c = byId.get(edit.id());
            if (c == null) {
                continue;
            }
            SectionContent before = c.content();
            SectionContent after = edit.content();
            List<FieldChange> fields = new ArrayList<>();
            Function<String, String> label = messages::get;
            if (!Objects.equals(before.status(), after.status())) {
                fields.add(new FieldChange(label.apply("drafting.field.status"), TextDiff.diff(
                        messages.get(before.statusKey()), messages.get(after.statusKey()))));
            }
            add(fields, label.apply("drafting.field.narrative"), before.narrative(), after.narrative());
            add(fields, label.apply("drafting.field.measures"), before.measures(), after.measures());
            add(fields, label.apply("drafting.field.practices"), before.practices(), after.practices());
            add(fields, label.apply("drafting.field.challenges"), before.challenges(), after.challenges());
            add(fields, label.apply("drafting.indicators"), lines(before.indicators()), lines(after.indicators()));
            if (!fields.isEmpty()) {
                objectives.add(new Objective(c.objectiveNumber(), c.objectiveTitle(), fields));
            }
        }
        return new WordChanges(objectives);
    }

    private static void add(List<FieldChange> fields, String label, String before, String after) {
        if (!before.equals(after)) {
            fields.add(new FieldChange(label, TextDiff.diff(before, after)));
        }
    }

    /** One indicator a line, so that a changed value shows within its row. */
    private static String lines(List<Indicator> indicators) {
        return indicators.stream().map(i -> i.name() + " | " + i.value() + " | " + i.unit() + " | " + i.source()
                + " | " + i.year()).collect(Collectors.joining("\n"));
    }
}
