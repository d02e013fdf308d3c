package org.gcmreview.submission.workspace;

import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.submission.SubmissionStatus;

/**
 * Where a country stands in a review round, as its secretariat follows it: the national stages are folded into
 * the few a secretariat acts on, and from the first submission on the answer to the latest submission counts.
 */
public enum CountryStage {
    NOT_STARTED,
    DRAFTING,
    IN_CONSULTATION,
    IN_SIGN_OFF,
    SUBMITTED,
    CLARIFICATION_REQUESTED,
    ACKNOWLEDGED,
    /** The country withdrew its report: counted apart, neither waiting nor settled. */
    WITHDRAWN,
    /** Released when the secretariat closed the round: the report goes to another round. */
    RELEASED;

    /**
     * @param cycleStatus the country's cycle for the round, null when it has none
     * @param latestSubmission the status of the cycle's latest regional submission, null before the first
     */
    public static CountryStage of(CycleStatus cycleStatus, SubmissionStatus latestSubmission) {
        if (cycleStatus == null) {
            return NOT_STARTED;
        }
        if (cycleStatus == CycleStatus.WITHDRAWN) {
            return WITHDRAWN;
        }
        if (latestSubmission != null) {
            return switch (latestSubmission) {
                case CLARIFICATION_REQUESTED -> CLARIFICATION_REQUESTED;
                case ACKNOWLEDGED, REGISTERED -> ACKNOWLEDGED;
                case SUBMITTED, SUPERSEDED -> SUBMITTED;
                case WITHDRAWN -> WITHDRAWN;
                case RELEASED -> RELEASED;
            };
        }
        return switch (cycleStatus) {
            case SCOPING, DRAFTING, CONSOLIDATION -> DRAFTING;
            case CONSULTATION -> IN_CONSULTATION;
            case SIGN_OFF, ENDORSEMENT, READY_TO_SUBMIT -> IN_SIGN_OFF;
            case SUBMITTED -> SUBMITTED;
            case CLARIFICATION_REQUESTED -> CLARIFICATION_REQUESTED;
            case ACKNOWLEDGED, PUBLISHED -> ACKNOWLEDGED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }

    /**
     * Where a country stands for an IMRF edition: its IMRF submission counts, not its regional one, so the
     * counts agree with the IMRF status its row shows. A report still in its regional review has not reached the
     * IMRF yet: it counts with the reports on their way (in sign-off).
     *
     * @param imrfSubmission the status of the cycle's latest IMRF submission, null before the first
     */
    public static CountryStage ofImrf(CycleStatus cycleStatus, SubmissionStatus imrfSubmission) {
        if (imrfSubmission != null) {
            return of(cycleStatus, imrfSubmission);
        }
        CountryStage national = of(cycleStatus, null);
        return national.submitted() ? IN_SIGN_OFF : national;
    }

    /** The round still expects the report: not submitted, not withdrawn, not released to another round. */
    public boolean awaitsReport() {
        return !submitted() && this != WITHDRAWN && this != RELEASED;
    }

    /** The report reached the secretariat (whatever its answer). */
    public boolean submitted() {
        return this == SUBMITTED || this == CLARIFICATION_REQUESTED || this == ACKNOWLEDGED;
    }
}
