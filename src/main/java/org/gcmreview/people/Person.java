package org.gcmreview.people;

import org.gcmreview.identity.Role;

/** An account as the people pages list it. {@code passwordSet} is false while an invitation is not taken up. */
public record Person(long id, String username, String displayName, String email, Role role, String countryIso3,
        Long ministryId, String ministryName, String commissionCode, boolean enabled, boolean passwordSet) {
}
