package org.gcmreview.audit;

/**
 * One audited action.
 *
 * @param actor user name, or "system" for the process engine's own steps
 * @param action what happened, e.g. CYCLE_STARTED, SIGNOFF_APPROVED
 * @param countryIso3 the country whose data it concerns, if any
 */
public record AuditEntry(String actor, String action, String countryIso3, String subjectType, String subjectId,
        String details) {

    public static AuditEntry of(String actor, String action, String countryIso3, String subjectType, Object subjectId,
            String details) {
        return new AuditEntry(actor, action, countryIso3, subjectType, subjectId == null ? null : subjectId.toString(),
                details);
    }
}
