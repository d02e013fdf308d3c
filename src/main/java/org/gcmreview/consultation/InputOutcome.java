package org.gcmreview.consultation;

/** How the coordinator took a stakeholder input into account. */
public enum InputOutcome {
    ACCEPTED("Accepted"),
    PARTLY("Partly accepted"),
    NOT_ACCEPTED("Not accepted");

    private final String label;

    InputOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
