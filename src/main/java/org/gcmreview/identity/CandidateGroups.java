package org.gcmreview.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Names of the Camunda candidate groups. The BPMN files use the same names in their
 * candidateGroups expressions, so a task lands exactly in the inboxes of the people entitled to it.
 */
public final class CandidateGroups {

    public static final String IMRF_SECRETARIAT = "imrf-secretariat";
    public static final String ADMIN = "admin";
    /** Camunda's own webapps (Cockpit, Admin) let members of this group in. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    private CandidateGroups() {
    }

    public static String coordinator(String countryIso3) {
        return "coordinator-" + countryIso3;
    }

    public static String ministry(String countryIso3, String ministryCode) {
        return "ministry-" + countryIso3 + "-" + ministryCode;
    }

    public static String regionalSecretariat(String commissionCode) {
        return "regional-secretariat-" + commissionCode;
    }

    public static String stakeholders(String countryIso3) {
        return "stakeholder-" + countryIso3;
    }

    static List<String> of(CurrentUser user) {
        List<String> groups = new ArrayList<>(2);
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
        }
        return List.copyOf(groups);
    }
}
