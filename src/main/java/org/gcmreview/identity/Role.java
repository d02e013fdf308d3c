package org.gcmreview.identity;

/** What a user is to the review cycle. Mirrored into Spring authorities (ROLE_x) and Camunda groups. */
public enum Role {
    COORDINATOR,
    MINISTRY,
    STAKEHOLDER,
    REGIONAL_SECRETARIAT,
    IMRF_SECRETARIAT,
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isCountryRole() {
        return this == COORDINATOR || this == MINISTRY || this == STAKEHOLDER;
    }
}
