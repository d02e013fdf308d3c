package org.gcmreview.consultation;

import java.util.Optional;

/** How the coordinator took a stakeholder input into account. */
enum InputOutcome {
    ACCEPTED,
    PARTLY,
    NOT_ACCEPTED;

    /** Message key of the outcome's label. */
    public String labelKey() {
        return "consultation.outcome." + name();
    }

    static Optional<InputOutcome> parse(String value) {
        for (InputOutcome outcome : values()) {
            if (outcome.name().equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
