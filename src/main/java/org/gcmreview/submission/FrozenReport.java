package org.gcmreview.submission;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The content of a frozen report version (the canonical JSON written by ReportVersions), read back for
 * display. Unknown fields are ignored so that older and newer versions both render.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FrozenReport(String businessKey, String country, String countryName, String title, String periodStart,
        String periodEnd, int version, List<Section> sections, List<FollowUp> followUps) {

    public FrozenReport {
        sections = sections == null ? List.of() : List.copyOf(sections);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    /** A commitment of the previous report and what became of it (issue 16.3); none in older versions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FollowUp(String commitment, Integer objective, String outcome, String note) {
    }

    public static FrozenReport parse(ObjectMapper json, String content) {
        try {
            return json.readValue(content, FrozenReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A frozen report version is not valid JSON", e);
        }
    }

    /**
     * A section as frozen; {@code status} is the implementation status of an objective section. Measures,
     * practices, challenges and indicators are empty in versions frozen before reports had them.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Section(String kind, Integer objective, String title, String status, String body, String measures,
            String practices, String challenges, List<Indicator> indicators, List<Integer> principles) {

        public Section {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            principles = principles == null ? List.of() : List.copyOf(principles);
        }

        /** Measures taken, as paragraphs. */
        public List<String> measureParagraphs() {
            return paragraphsOf(measures);
        }

        public List<String> practiceParagraphs() {
            return paragraphsOf(practices);
        }

        public List<String> challengeParagraphs() {
            return paragraphsOf(challenges);
        }

        /** The body split at blank lines, rendered as paragraphs (escaped; no markup is interpreted). */
        public List<String> paragraphs() {
            return paragraphsOf(body);
        }

        private static List<String> paragraphsOf(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return Arrays.stream(text.replace("\r\n", "\n").split("\n\\s*\n")).map(String::strip)
                    .filter(p -> !p.isEmpty()).toList();
        }
    }

    /** One indicator value as frozen. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String name, String value, String unit, String source, Integer year) {
    }
}
