package org.gcmreview.report;

import java.util.Arrays;
import java.util.Optional;

/** How far a country has come with an objective, as a ministry or the report states it. */
public enum ImplementationStatus {
    NOT_STARTED("Not started"),
    PLANNED("Planned"),
    IN_PROGRESS("In progress"),
    IMPLEMENTED("Implemented");

    private final String label;

    ImplementationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status named by a form value; empty for "" or anything that is not a status. */
    public static Optional<ImplementationStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
    }
}
