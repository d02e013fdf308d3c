package org.gcmreview.identity;

/** What a user is to the review cycle. Mirrored into Spring authorities (ROLE_x) and Camunda groups. */
public enum Role {
    COORDINATOR,
    MINISTRY,
    STAKEHOLDER,
    REGIONAL_SECRETARIAT,
    IMRF_SECRETARIAT,
    ADMIN,
    /**
     * Signed in through single sign-on, but not yet given a role: reaches only the page saying so
     * (PendingAccountGate) until an administrator or the claimed country's coordinator approves it.
     */
    PENDING;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isCountryRole() {
        return this == COORDINATOR || this == MINISTRY || this == STAKEHOLDER;
    }
}
