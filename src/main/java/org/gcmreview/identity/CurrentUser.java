package org.gcmreview.identity;

import java.io.Serializable;
import java.util.List;

/**
 * The signed-in user as the features see it: who they are and which country, ministry, organisation or
 * regional commission they act for. Built from app_user at login. Serializable because it travels inside the
 * signed-in session, which is stored in the database (Spring Session JDBC) and shared by every app node.
 */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        String email,
        Role role,
        String countryIso3,
        Long ministryId,
        String ministryCode,
        Long organisationId,
        String commissionCode,
        boolean governmentMember) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * A user outside any government group.
     *
     * @param governmentMember a country team's account that belongs to the country's government group (issue 14.4)
     */
    public CurrentUser(long id, String username, String displayName, String email, Role role, String countryIso3,
            Long ministryId, String ministryCode, Long organisationId, String commissionCode) {
        this(id, username, displayName, email, role, countryIso3, ministryId, ministryCode, organisationId,
                commissionCode, false);
    }

    /** Camunda candidate groups this user belongs to; tasks are routed to these. */
    public List<String> candidateGroups() {
        return CandidateGroups.of(this);
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** True when this user works for the given country (coordinator, ministry or stakeholder of it). */
    public boolean belongsToCountry(String iso3) {
        return role.isCountryRole() && countryIso3 != null && countryIso3.equals(iso3);
    }
}
