package org.gcmreview.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the Camunda candidate groups. The BPMN files use the same names in their
 * candidateGroups expressions, so a task lands exactly in the inboxes of the people entitled to it.
 */
public final class CandidateGroups {

    public static final String IMRF_SECRETARIAT = "imrf-secretariat";
    public static final String ADMIN = "admin";
    /** Camunda's own webapps (Cockpit, Admin) let members of this group in. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    // Prefixes of the scoped groups; the identity directory builds the same names in SQL from these.
    static final String COORDINATOR_PREFIX = "coordinator-";
    static final String MINISTRY_PREFIX = "ministry-";
    static final String REGIONAL_SECRETARIAT_PREFIX = "regional-secretariat-";
    static final String STAKEHOLDER_PREFIX = "stakeholder-";
    static final String GOVERNMENT_PREFIX = "government-";

    // ISO3 is always three letters and ministry codes never contain '-', so the names parse back unambiguously.
    private static final Pattern COUNTRY_GROUP = Pattern.compile("(" + COORDINATOR_PREFIX + "|" + STAKEHOLDER_PREFIX
            + ")([A-Z]{3})");
    private static final Pattern GOVERNMENT_GROUP = Pattern.compile(GOVERNMENT_PREFIX + "([A-Z]{3})");
    private static final Pattern MINISTRY_GROUP = Pattern.compile(MINISTRY_PREFIX + "([A-Z]{3})-([A-Z0-9_]+)");
    private static final Pattern REGIONAL_GROUP = Pattern.compile(REGIONAL_SECRETARIAT_PREFIX + "([A-Z]+)");

    private CandidateGroups() {
    }

    public static String coordinator(String countryIso3) {
        return COORDINATOR_PREFIX + countryIso3;
    }

    public static String ministry(String countryIso3, String ministryCode) {
        return MINISTRY_PREFIX + countryIso3 + "-" + ministryCode;
    }

    public static String regionalSecretariat(String commissionCode) {
        return REGIONAL_SECRETARIAT_PREFIX + commissionCode;
    }

    /**
     * The country's government (a cabinet or minister group) that validates the endorsed report when the country
     * asks for it (issue 14.4): the accounts of the country's team named members of it.
     */
    public static String government(String countryIso3) {
        return GOVERNMENT_PREFIX + countryIso3;
    }

    public static String stakeholders(String countryIso3) {
        return STAKEHOLDER_PREFIX + countryIso3;
    }

    /**
     * Who is in a group, as a condition on app_user: the inverse of the builders above. Lets Camunda's
     * identity queries ("members of coordinator-KEN") run against app_user without a membership table.
     * Empty for a name that is not one of our groups.
     */
    static Optional<Members> membersOf(String group) {
        if (group == null) {
            return Optional.empty();
        }
        if (group.equals(IMRF_SECRETARIAT)) {
            return Optional.of(new Members(Role.IMRF_SECRETARIAT, null, null, null, null));
        }
        if (group.equals(ADMIN) || group.equals(CAMUNDA_ADMIN)) {
            return Optional.of(new Members(Role.ADMIN, null, null, null, null));
        }
        Matcher country = COUNTRY_GROUP.matcher(group);
        if (country.matches()) {
            Role role = country.group(1).equals(COORDINATOR_PREFIX) ? Role.COORDINATOR : Role.STAKEHOLDER;
            return Optional.of(new Members(role, country.group(2), null, null, null));
        }
        Matcher government = GOVERNMENT_GROUP.matcher(group);
        if (government.matches()) {
            return Optional.of(new Members(null, government.group(1), null, null, true));
        }
        Matcher ministry = MINISTRY_GROUP.matcher(group);
        if (ministry.matches()) {
            return Optional.of(new Members(Role.MINISTRY, ministry.group(1), ministry.group(2), null, null));
        }
        Matcher regional = REGIONAL_GROUP.matcher(group);
        if (regional.matches()) {
            return Optional.of(new Members(Role.REGIONAL_SECRETARIAT, null, null, regional.group(1), null));
        }
        return Optional.empty();
    }

    /**
     * The users of a group: everyone with this role and, where given, this country, ministry code or
     * regional commission; a government group's are the country team's accounts named members of it (any
     * country role but a stakeholder's: role null, governmentMember true).
     */
    record Members(Role role, String countryIso3, String ministryCode, String commissionCode,
            Boolean governmentMember) {

        /** Whether the group is one country's (its members are of that country's tenant). */
        boolean ofCountry() {
            return role == null ? countryIso3 != null : role.isCountryRole();
        }
    }

    static List<String> of(CurrentUser user) {
        List<String> groups = new ArrayList<>(2);
        if (user.governmentMember() && (user.is(Role.COORDINATOR) || user.is(Role.MINISTRY))) {
            groups.add(government(user.countryIso3()));
        }
        switch (user.role()) {
            case COORDINATOR -> groups.add(coordinator(user.countryIso3()));
            case MINISTRY -> groups.add(ministry(user.countryIso3(), user.ministryCode()));
            case STAKEHOLDER -> groups.add(stakeholders(user.countryIso3()));
            case REGIONAL_SECRETARIAT -> groups.add(regionalSecretariat(user.commissionCode()));
            case IMRF_SECRETARIAT -> groups.add(IMRF_SECRETARIAT);
            case ADMIN -> {
                groups.add(ADMIN);
                groups.add(CAMUNDA_ADMIN);
            }
            case PENDING -> {
                // in no group: a pending account is offered no task
            }
        }
        return List.copyOf(groups);
    }
}
