package org.gcmreview.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * The public "what we heard and what we did" report of a closed consultation: the published inputs, grouped
 * with their duplicates, with the coordinator's responses once recorded, and a summary by objective or
 * section and by stakeholder type in which every duplicate group counts once.
 */
@Component
class WhatWeHeard {

    /** Width of the longest bar in the summary charts, in SVG user units. */
    static final int BAR_WIDTH = 240;

    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final ConsultationMessages messages;

    WhatWeHeard(ConsultationWindows windows, ConsultationInputs consultationInputs, ConsultationMessages messages) {
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.messages = messages;
    }

    /** One row of a summary: what is counted, how many groups of inputs, and the bar's width. */
    record Bar(String label, int count, int width) {
    }

    record Report(List<InputGroup> groups, List<Bar> byTarget, List<Bar> byType, int inputs) {
    }

    Report report(ConsultationWindow window) {
        List<ConsultationInput> published = consultationInputs.inputs(window.id()).stream()
                .filter(ConsultationInput::published).toList();
        List<InputGroup> groups = InputGroup.of(published);

        Map<InputTarget, Row> byTarget = new LinkedHashMap<>();
        for (ConsultationWindows.ObjectiveInScope objective : windows.objectivesInScope(window.cycleId())) {
            byTarget.put(InputTarget.objective(objective.number()), new Row(messages.get(
                    "consultation.target.objectiveTitled", objective.number(), objective.shortTitle())));
        }
        InputTarget.SECTION_KINDS.forEach(kind -> byTarget.put(InputTarget.section(kind),
                new Row(messages.get("consultation.section." + kind))));
        Map<String, Row> byType = new LinkedHashMap<>();
        for (ConsultationInputs.StakeholderType type : consultationInputs.stakeholderTypes()) {
            byType.put(type.code(), new Row(messages.typeName(type.code(), type.name())));
        }
        byType.put(ConsultationInput.INDIVIDUAL, new Row(messages.typeName(ConsultationInput.INDIVIDUAL, null)));

        count(groups, byTarget, ConsultationInput::target);
        count(groups, byType, ConsultationInput::authorType);
        return new Report(groups, bars(byTarget.values()), bars(byType.values()), published.size());
    }

    /** A group counts once per value it has, however many of its inputs share that value. */
    private static <K> void count(List<InputGroup> groups, Map<K, Row> rows, Function<ConsultationInput, K> key) {
        for (InputGroup group : groups) {
            group.members().stream().map(key).distinct().map(rows::get).filter(row -> row != null)
                    .forEach(row -> row.count++);
        }
    }

    private static List<Bar> bars(Iterable<Row> rows) {
        int max = 0;
        for (Row row : rows) {
            max = Math.max(max, row.count);
        }
        List<Bar> bars = new ArrayList<>();
        for (Row row : rows) {
            int width = max == 0 ? 0 : Math.round((float) row.count * BAR_WIDTH / max);
            bars.add(new Bar(row.label, row.count, width));
        }
        return bars;
    }

    private static final class Row {
        final String label;
        int count;

        Row(String label) {
            this.label = label;
        }
    }
}
