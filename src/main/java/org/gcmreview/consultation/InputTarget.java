package org.gcmreview.consultation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an input is about: an objective in scope ({@code objective:7}) or a report section
 * ({@code section:POLICY}), as chosen in the form's one select field.
 */
record InputTarget(Integer objectiveNumber, String sectionKind) {

    /** The sections outside the objectives that stakeholders may comment on, in report order. */
    static final Map<String, String> SECTIONS = Map.of(
            "INTRODUCTION", "Introduction and methodology",
            "POLICY", "Policy and enabling environment",
            "MEANS", "Means of implementation and partnerships",
            "NEXT_STEPS", "Next steps");

    static final List<String> SECTION_ORDER = List.of("INTRODUCTION", "POLICY", "MEANS",
            "NEXT_STEPS");

    static String sectionLabel(String kind) {
        return SECTIONS.getOrDefault(kind, "General");
    }

    /** Parses the select's value; empty when it is not one of the allowed choices. */
    static Optional<InputTarget> parse(String value, Collection<Integer> objectivesInScope) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.startsWith("objective:")) {
            try {
                int number = Integer.parseInt(value.substring("objective:".length()));
                return objectivesInScope.contains(number) ? Optional.of(new InputTarget(number, null))
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (value.startsWith("section:")) {
            String kind = value.substring("section:".length());
            return SECTIONS.containsKey(kind) ? Optional.of(new InputTarget(null, kind)) : Optional.empty();
        }
        return Optional.empty();
    }
}
