package org.gcmreview.processes;

/**
 * national-review.bpmn: one instance per country and cycle (business key {@code <ISO3>-<cycle code>}). Constants
 * named {@code MESSAGE_*} are message names, {@code VAR_*} process variables, the rest activity ids.
 */
public final class NationalReview {

    public static final String PROCESS = "national-review";

    /** The call activity that runs the stakeholder-consultation process. */
    public static final String STAKEHOLDER_CONSULTATION = "StakeholderConsultation";

    public static final String MESSAGE_CLARIFICATION_REQUESTED = "RegionalClarificationRequested";
    public static final String MESSAGE_ACKNOWLEDGED = "RegionalReviewAcknowledged";
    /** Starts the interrupting withdrawal event sub-process: every open task of the cycle ends. */
    public static final String MESSAGE_REVIEW_WITHDRAWN = "ReviewWithdrawn";

    /** Where a reopened cycle picks up again (issue 14.5): the activity each stage restarts before. */
    public static final String SCOPE_REVIEW = "ScopeReview";
    public static final String NATIONAL_DRAFTING = "NationalDrafting";
    /** A ministry's drafting task inside {@link #NATIONAL_DRAFTING} (one per ministry, multi-instance). */
    public static final String DRAFT_CONTRIBUTION = "DraftContribution";
    public static final String CONSOLIDATE_REPORT = "ConsolidateReport";
    public static final String SIGN_OFF_ROUND_MERGE = "SignOffRoundMerge";
    public static final String ENDORSE_FINAL_REPORT = "EndorseFinalReport";
    /** The coordinator's revisions: after the consultation, and of the sections a sign-off round asked to change. */
    public static final String REVISE_DRAFT_AFTER_CONSULTATION = "ReviseDraftAfterConsultation";
    public static final String REVISE_REQUESTED_SECTIONS = "ReviseRequestedSections";
    /** The government's validation of the endorsed report, when the country has one (issue 14.4). */
    public static final String VALIDATE_REPORT = "ValidateReport";
    public static final String SUBMIT_TO_REGIONAL_REVIEW = "SubmitToRegionalReview";
    /** Issue 14.3: after the first endorsement, publication and the hand-over go their own ways from here. */
    public static final String PUBLICATION_AND_HANDOVER_FORK = "PublicationAndHandoverFork";
    public static final String PUBLISH_ENDORSED_REPORT = "PublishEndorsedReport";
    public static final String CHOOSE_REGIONAL_ROUND = "ChooseRegionalRound";
    public static final String CHOOSE_IMRF_EDITION = "ChooseImrfEdition";
    /** The re-checks of a coordinator who chose to wait for a round or edition (timers). */
    public static final String WAIT_FOR_REGIONAL_ROUND = "WaitForRegionalRound";
    public static final String WAIT_FOR_IMRF_EDITION = "WaitForImrfEdition";
    /**
     * BPMN error codes the sending steps throw when there is no open round (edition) to send to; each is caught
     * by the boundary event of the same id, which gives the coordinator a task instead of an incident.
     */
    public static final String ERROR_NO_OPEN_REGIONAL_ROUND = "NoOpenRegionalRound";
    public static final String ERROR_NO_OPEN_IMRF_EDITION = "NoOpenImrfEdition";

    /** Issue 14.1: whether the planned consultation window still fits, and the coordinator's re-plan if not. */
    public static final String CONSULTATION_PLAN_GATEWAY = "ConsultationPlanFitsGateway";
    public static final String REPLAN_CONSULTATION = "ReplanConsultation";

    public static final String VAR_COUNTRY_ISO3 = "countryIso3";
    public static final String VAR_CYCLE_ID = "cycleId";
    public static final String VAR_COORDINATOR_GROUP = "coordinatorGroup";
    /** The ministries that draft (scoping sets it); each drafting branch has its own {@link #VAR_MINISTRY_GROUP}. */
    public static final String VAR_MINISTRY_GROUPS = "ministryGroups";
    public static final String VAR_MINISTRY_GROUP = "ministryGroup";
    public static final String VAR_DRAFTING_DUE = "draftingDue";
    public static final String VAR_DRAFTING_REMINDER_AT = "draftingReminderAt";
    public static final String VAR_CONSULTATION_OPENS_AT = "consultationOpensAt";
    public static final String VAR_CONSULTATION_CLOSES_AT = "consultationClosesAt";
    public static final String VAR_CHANGES_REQUESTED = "changesRequested";
    /** Set by the clarification answer: true when it changed sections, which then go through sign-off again. */
    public static final String VAR_TEXT_CHANGED = "textChanged";
    /** The ministries that sign the next round when not all do (after a clarification changed their sections). */
    public static final String VAR_SIGN_OFF_GROUPS = "signOffGroups";
    /** Set by the choice of a round or edition: {@link RoundChoice#CHOSEN} or {@link RoundChoice#WAIT}. */
    public static final String VAR_ROUND_CHOICE = "roundChoice";
    /** The candidate group of the country's government validation, when it has one (set by the endorsement). */
    public static final String VAR_GOVERNMENT_GROUP = "governmentGroup";
    /** Set by the government's validation: false returns the report for revision. */
    public static final String VAR_GOVERNMENT_APPROVED = "governmentApproved";
    /**
     * When the ministries' sign-off of the current round is due (ISO 8601 date-time text, issue 14.2): scoping sets
     * the planned date and a change of the plan sets it again (issue 14.1); OpenSignOffRound keeps it while it is
     * ahead, otherwise sets {@code gcm.signoff.period} from the round's opening.
     */
    public static final String VAR_SIGN_OFF_DUE = "signOffDue";
    /**
     * The plan's endorsement and internal submission dates (issue 14.2): EndorseFinalReport and
     * SubmitToRegionalReview are due on them while they are ahead; scoping and a change of the plan set them.
     */
    public static final String VAR_ENDORSEMENT_DUE = "endorsementDue";
    public static final String VAR_INTERNAL_SUBMISSION_DUE = "internalSubmissionDue";
    /** When the coordinator's answer to the current clarification request is due. */
    public static final String VAR_CLARIFICATION_DUE = "clarificationDue";
    /** The answer date a secretariat asked for, when it gave one (sent with the clarification request). */
    public static final String VAR_CLARIFICATION_ANSWER_BY = "clarificationAnswerBy";
    /**
     * Set on a ministry's drafting or sign-off task (task-local, kept in history) when the coordinator ended it
     * without the ministry (issue 14.2): the task is completed with the outcome "proceeded-without" and the process
     * goes on.
     */
    public static final String VAR_OUTCOME = "outcome";
    /** Set by FreezeReportVersion for the steps after it; not read by the BPMN. */
    public static final String VAR_REPORT_VERSION_ID = "reportVersionId";

    private NationalReview() {
    }

    /** The values of {@link #VAR_ROUND_CHOICE}. */
    public static final class RoundChoice {
        public static final String CHOSEN = "chosen";
        public static final String WAIT = "wait";

        private RoundChoice() {
        }
    }
}
