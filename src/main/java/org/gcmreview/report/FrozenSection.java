package org.gcmreview.report;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One section as it stands in a frozen report version (see {@link ReportVersions#freeze}). Versions frozen
 * before sections had measures, practices, challenges and indicators read back with those empty.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FrozenSection(String kind, Integer objective, String title, String status, String body,
        String measures, String practices, String challenges, List<String> sdgTargets, boolean allSdgs,
        List<Indicator> indicators, List<Integer> principles) {

    public FrozenSection {
        measures = measures == null ? "" : measures;
        practices = practices == null ? "" : practices;
        challenges = challenges == null ? "" : challenges;
        sdgTargets = sdgTargets == null ? List.of() : List.copyOf(sdgTargets);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        principles = principles == null ? List.of() : List.copyOf(principles);
    }

    /** The section's content, to show it like a section being edited. */
    public SectionContent content() {
        return new SectionContent(status, body, measures, practices, challenges, indicators, principles);
    }

    public boolean objectiveSection() {
        return objective != null;
    }
}
