package org.gcmreview.demo;

import java.util.List;

import org.gcmreview.identity.Role;

/**
 * Who and what the demo profile creates (the list in notes/CONTEXT.md). Kenya is the country that runs a full
 * review; Ghana is there to show that one country never sees another's work.
 */
final class DemoData {

    /** Every demo user signs in with this. Demo only: the profile is off on real databases. */
    static final String PASSWORD = "demo";

    static final String MIGRANT_DIASPORA = "MIGRANT_DIASPORA";

    record Commission(String code, String name) {
    }

    record Country(String iso3, String name, String commissionCode) {
    }

    record Ministry(String countryIso3, String code, String name) {
    }

    record Organisation(String countryIso3, String name, String stakeholderType, String contactName,
            String contactEmail, String verifiedBy) {
    }

    record User(String username, String displayName, Role role, String countryIso3, String ministryCode,
            String commissionCode) {
    }

    static final List<Commission> COMMISSIONS = List.of(
            new Commission("ECA", "Economic Commission for Africa"),
            new Commission("ESCAP", "Economic and Social Commission for Asia and the Pacific"));

    static final List<Country> COUNTRIES = List.of(
            new Country("KEN", "Kenya", "ECA"),
            new Country("GHA", "Ghana", "ECA"));

    static final List<Ministry> MINISTRIES = List.of(
            new Ministry("KEN", "INTERIOR", "Ministry of Interior and National Administration"),
            new Ministry("KEN", "LABOUR", "Ministry of Labour and Social Protection"),
            new Ministry("KEN", "FOREIGN", "Ministry of Foreign and Diaspora Affairs"),
            new Ministry("GHA", "INTERIOR", "Ministry of the Interior"));

    static final Organisation ORGANISATION = new Organisation("KEN", "Kenya Migrant and Diaspora Forum",
            MIGRANT_DIASPORA, "Fatuma Hassan", "stakeholder.ken@demo.gcm-review.invalid", "coordinator.ken");

    static final List<User> USERS = List.of(
            new User("coordinator.ken", "Amina Odhiambo", Role.COORDINATOR, "KEN", null, null),
            new User("interior.ken", "Peter Mwangi", Role.MINISTRY, "KEN", "INTERIOR", null),
            new User("labour.ken", "Grace Wanjiku", Role.MINISTRY, "KEN", "LABOUR", null),
            new User("foreign.ken", "Daniel Kiprop", Role.MINISTRY, "KEN", "FOREIGN", null),
            new User("stakeholder.ken", "Fatuma Hassan", Role.STAKEHOLDER, "KEN", null, null),
            new User("coordinator.gha", "Kwame Mensah", Role.COORDINATOR, "GHA", null, null),
            new User("interior.gha", "Abena Owusu", Role.MINISTRY, "GHA", "INTERIOR", null),
            new User("secretariat.eca", "Lindiwe Dlamini", Role.REGIONAL_SECRETARIAT, null, null, "ECA"),
            new User("secretariat.escap", "Arjun Rao", Role.REGIONAL_SECRETARIAT, null, null, "ESCAP"),
            new User("secretariat.imrf", "Sofia Martinez", Role.IMRF_SECRETARIAT, null, null, null),
            new User("admin", "Demo Administrator", Role.ADMIN, null, null, null));

    private DemoData() {
    }

    /** The demo user names, for other features' demo seeders and tests. */
    public static List<String> usernames() {
        return USERS.stream().map(User::username).toList();
    }
}
