package org.gcmreview.report;

import java.util.List;
import java.util.TreeSet;

/**
 * What a report section or a ministry's contribution says. Objective sections and contributions use every
 * field; the free-text sections (introduction and methodology, policy, means of implementation, next steps)
 * only the narrative. Two contents are the same exactly when they are equal, so texts are kept normalised.
 *
 * @param status implementation status name ({@link ImplementationStatus}), or null for none
 * @param narrative the main text (column {@code body})
 * @param principles the GCM guiding principles (numbers) an objective section gives evidence for, ascending
 *        (issue 16.4); always empty for contributions and free-text sections
 */
public record SectionContent(String status, String narrative, String measures, String practices,
        String challenges, List<Indicator> indicators, List<Integer> principles) {

    public static final SectionContent EMPTY = new SectionContent(null, "", "", "", "", List.of());

    public SectionContent {
        narrative = normalise(narrative);
        measures = normalise(measures);
        practices = normalise(practices);
        challenges = normalise(challenges);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        principles = principles == null ? List.of() : List.copyOf(new TreeSet<>(principles));
    }

    /** Content without guiding principles (contributions, free-text sections, older revisions). */
    public SectionContent(String status, String narrative, String measures, String practices, String challenges,
            List<Indicator> indicators) {
        this(status, narrative, measures, practices, challenges, indicators, List.of());
    }

    /** The principles as stored in a column: "1,6,7", or "" for none. */
    public String principlesColumn() {
        return principles.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /** The principles a column holds ("1,6,7"; null or "" for none). */
    public static List<Integer> principlesOf(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(column.split(",")).map(String::trim).filter(p -> !p.isEmpty())
                .map(Integer::valueOf).toList();
    }

    /** A free-text section's content. */
    public static SectionContent narrativeOnly(String narrative) {
        return new SectionContent(null, narrative, "", "", "", List.of());
    }

    /** Browsers send CRLF from text areas; one form of line break keeps unchanged texts equal. */
    public static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** Message key of the status label, e.g. {@code drafting.status.IN_PROGRESS}, or the "no status" key. */
    public String statusKey() {
        return ImplementationStatus.parse(status).map(s -> "drafting.status." + s.name())
                .orElse("drafting.status.none");
    }

    public boolean hasStatus() {
        return status != null;
    }

    public SectionContent withStatus(String newStatus) {
        return new SectionContent(newStatus, narrative, measures, practices, challenges, indicators, principles);
    }

    public SectionContent withIndicators(List<Indicator> newIndicators) {
        return new SectionContent(status, narrative, measures, practices, challenges, newIndicators, principles);
    }

    public SectionContent withPrinciples(List<Integer> newPrinciples) {
        return new SectionContent(status, narrative, measures, practices, challenges, indicators, newPrinciples);
    }
}
