package org.gcmreview.report;

import java.util.List;

/**
 * What a report section or a ministry's contribution says. Objective sections and contributions use every
 * field; the free-text sections (introduction and methodology, policy, means of implementation, next steps)
 * only the narrative. Two contents are the same exactly when they are equal, so texts are kept normalised.
 *
 * @param status implementation status name ({@link ImplementationStatus}), or null for none
 * @param narrative the main text (column {@code body})
 */
public record SectionContent(String status, String narrative, String measures, String practices,
        String challenges, List<Indicator> indicators) {

    public static final SectionContent EMPTY = new SectionContent(null, "", "", "", "", List.of());

    public SectionContent {
        narrative = normalise(narrative);
        measures = normalise(measures);
        practices = normalise(practices);
        challenges = normalise(challenges);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
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
        return new SectionContent(newStatus, narrative, measures, practices, challenges, indicators);
    }

    public SectionContent withIndicators(List<Indicator> newIndicators) {
        return new SectionContent(status, narrative, measures, practices, challenges, newIndicators);
    }
}
