package org.gcmreview.consultation;

import java.util.List;
import java.util.Optional;

/**
 * What an input is about: an objective ({@code objective:7}) or a general report section
 * ({@code section:POLICY}), as chosen in the form's one select field.
 */
record InputTarget(Integer objectiveNumber, String sectionKind) {

    /** The sections outside the objectives that stakeholders may comment on, in report order. */
    public static final List<String> SECTION_KINDS = List.of("INTRODUCTION", "POLICY", "MEANS", "NEXT_STEPS");

    static InputTarget objective(int number) {
        return new InputTarget(number, null);
    }

    static InputTarget section(String kind) {
        return new InputTarget(null, kind);
    }

    public boolean isObjective() {
        return objectiveNumber != null;
    }

    /** The value of the form's select field and of the moderation filter. */
    public String value() {
        return isObjective() ? "objective:" + objectiveNumber : "section:" + sectionKind;
    }

    /** Message key and argument of the target's name, e.g. "Objective 7" or "Policy and enabling environment". */
    public String labelKey() {
        return isObjective() ? "consultation.target.objective" : "consultation.section." + sectionKind;
    }

    /**
     * Parses a select value. Empty unless it names an objective (1 to 23) or one of the general sections; whether
     * the target is open in a given consultation is for {@link OpenTargets} to say.
     */
    static Optional<InputTarget> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.startsWith("objective:")) {
            String digits = value.substring("objective:".length());
            if (!digits.matches("\\d{1,2}")) {
                return Optional.empty();
            }
            int number = Integer.parseInt(digits);
            return number >= 1 && number <= 23 ? Optional.of(objective(number)) : Optional.empty();
        }
        if (value.startsWith("section:")) {
            String kind = value.substring("section:".length());
            return SECTION_KINDS.contains(kind) ? Optional.of(section(kind)) : Optional.empty();
        }
        return Optional.empty();
    }
}
