package org.gcmreview.reliability.authorization;

import java.util.function.Function;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;

/**
 * Who sends a request in the authorization matrix: nobody signed in, each role, and users of the same role in
 * another country or regional commission (to see that countries and regions are kept apart). Country users are
 * of Kenya (KEN, ECA) unless they are the "other country" ones (Ghana, GHA); the matrix's data belongs to Kenya.
 */
enum Caller {
    ANONYMOUS(users -> null),
    COORDINATOR(users -> users.coordinator("KEN")),
    MINISTRY(users -> users.ministry("KEN", "INTERIOR")),
    STAKEHOLDER(users -> users.stakeholder("KEN", "Authorization matrix organisation")),
    OTHER_COUNTRY_COORDINATOR(users -> users.coordinator("GHA")),
    OTHER_COUNTRY_MINISTRY(users -> users.ministry("GHA", "INTERIOR")),
    REGIONAL_SECRETARIAT(users -> users.regionalSecretariat("ECA")),
    OTHER_REGION_SECRETARIAT(users -> users.regionalSecretariat("ESCAP")),
    IMRF_SECRETARIAT(TestUsers::imrfSecretariat),
    ADMIN(TestUsers::admin),
    /** Signed in through single sign-on, claiming Kenya, not yet approved: sees one page only. */
    PENDING(users -> users.pending("KEN"));

    private final Function<TestUsers, CurrentUser> create;

    Caller(Function<TestUsers, CurrentUser> create) {
        this.create = create;
    }

    /** A new user for this caller, or null for {@link #ANONYMOUS}. */
    CurrentUser create(TestUsers users) {
        return create.apply(users);
    }
}
