package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.gcmreview.processes.ProcessTestSupport.candidateGroups;
import static org.gcmreview.processes.ProcessTestSupport.day;
import static org.gcmreview.processes.ProcessTestSupport.fireDueTimers;
import static org.gcmreview.processes.ProcessTestSupport.moveClockTo;
import static org.gcmreview.processes.ProcessTestSupport.runAsyncContinuations;
import static org.gcmreview.processes.ProcessTestSupport.timersOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.gcmreview.cycle.NationalTaskTimers;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.gcmreview.cycle.ConsultationPlan;
import org.gcmreview.cycle.EscalationCycles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every path through {@code national-review}. The called {@code stakeholder-consultation} is the real model
 * (its own paths are covered by {@link StakeholderConsultationProcessTest}); the regional secretariat's
 * answers are correlated by the test, as the regional process's delegates do in the application.
 */
@Deployment(resources = {"processes/national-review.bpmn", "processes/stakeholder-consultation.bpmn"})
class NationalReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.fullCoverageExtension("stakeholder-consultation");

    private static final String BUSINESS_KEY = "KEN-2026";
    private static final String COORDINATORS = "coordinator-KEN";
    private static final String INTERIOR = "ministry-KEN-INTERIOR";
    private static final String LABOUR = "ministry-KEN-LABOUR";
    private static final String GOVERNMENT = "government-KEN";
    private static final Date REMINDER_AT = day(10);
    private static final Date DRAFTING_DUE = day(14);
    private static final Date CONSULTATION_OPENS = day(20);
    private static final Date CONSULTATION_CLOSES = day(40);

    private ProcessEngine engine;
    private RuntimeService runtime;
    private TaskService tasks;
    private ManagementService management;

    private RecordingDelegate draftingReminder;
    private RecordingDelegate draftingEscalation;
    private RecordingDelegate freeze;
    private RecordingDelegate sendToRegionalReview;
    private RecordingDelegate sendToImrf;
    private RecordingDelegate publish;
    private RecordingDelegate withdraw;
    private RecordingDelegate tellRounds;
    /** What the real sending delegates find: no open round / edition makes them throw their BPMN error. */
    private boolean noRegionalRound;
    private boolean noImrfEdition;
    private RecordingDelegate signOffReminder;
    private RecordingDelegate signOffEscalation;
    private RecordingDelegate clarificationReminder;
    private RecordingDelegate clarificationEscalation;
    private WaitingTaskPath.Notices waitingTasks;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        ProcessTestSupport.begin(engine);
        draftingReminder = RecordingDelegate.register("sendDraftingReminder");
        draftingEscalation = RecordingDelegate.register("escalateOverdueDrafting");
        freeze = RecordingDelegate.register("freezeReportVersion");
        noRegionalRound = false;
        noImrfEdition = false;
        sendToRegionalReview = RecordingDelegate.register("sendToRegionalReview", execution -> {
            if (noRegionalRound) {
                throw new BpmnError("NoOpenRegionalRound", "no open regional round");
            }
        });
        sendToImrf = RecordingDelegate.register("sendToImrf", execution -> {
            if (noImrfEdition) {
                throw new BpmnError("NoOpenImrfEdition", "no open IMRF edition");
            }
        });
        publish = RecordingDelegate.register("publishReport");
        RecordingDelegate.register("openConsultationWindow");
        RecordingDelegate.register("closeConsultationWindow");
        Mocks.register("escalationCycles", new EscalationCycles(Duration.ofDays(7)));
        // the production minimum window (14 days): the scoped window (days 20 to 40) fits it
        Mocks.register("consultationPlan", new ConsultationPlan(Duration.ofDays(14)));
        Mocks.register("nationalTaskTimers", new NationalTaskTimers("P14D", "P3D", "P14D", "P3D", "P7D"));
        withdraw = RecordingDelegate.register("withdrawReview");
        tellRounds = RecordingDelegate.register("tellRoundsOfWithdrawal");
        signOffReminder = RecordingDelegate.register("sendSignOffReminder");
        signOffEscalation = RecordingDelegate.register("escalateOverdueSignOff");
        clarificationReminder = RecordingDelegate.register("sendClarificationReminder");
        clarificationEscalation = RecordingDelegate.register("escalateOverdueClarification");
        waitingTasks = WaitingTaskPath.registerNotices();
    }

    @AfterEach
    void tearDown() {
        ProcessTestSupport.end();
    }

    @Test
    void scopingStartsOneDraftingTaskPerMinistryDueOnTheDraftingDate() {
        ProcessInstance review = startReview();

        assertThat(review.getTenantId()).isEqualTo("KEN");
        Task scoping = task(review);
        assertThat(scoping).hasDefinitionKey("ScopeReview").hasName("Scope the review").hasFormKey("scope-review");
        assertThat(candidateGroups(tasks, scoping)).containsExactly(COORDINATORS);

        complete(scoping, scopingDecisions());

        List<Task> drafts = openTasks("DraftContribution");
        assertThat(drafts).hasSize(2);
        assertThat(drafts).extracting(draft -> candidateGroups(tasks, draft))
                .containsExactlyInAnyOrder(List.of(INTERIOR), List.of(LABOUR));
        for (Task draft : drafts) {
            assertThat(draft).hasName("Draft contribution").hasFormKey("draft-contribution").hasDueDate(DRAFTING_DUE);
            assertThat(draft.getTenantId()).isEqualTo("KEN");
        }
        assertThat(timersOf(management, "DraftingReminderTimer")).hasSize(2)
                .allSatisfy(timer -> assertThat(timer.getDuedate()).isEqualTo(REMINDER_AT));
        assertThat(timersOf(management, "DraftingOverdueTimer")).hasSize(2)
                .allSatisfy(timer -> assertThat(timer.getDuedate()).isEqualTo(DRAFTING_DUE));
        assertThat(fireDueTimers(management, "DraftingReminderTimer")).as("nothing is due yet").isZero();

        drafts.forEach(draft -> complete(draft));

        assertThat(review).hasPassed("ContributionDrafted").hasNotPassed("SendDraftingReminder",
                "EscalateOverdueDrafting");
        assertThat(timersOf(management, "DraftingReminderTimer")).isEmpty();
        assertThat(timersOf(management, "DraftingOverdueTimer")).isEmpty();
        Task consolidation = task(review);
        assertThat(consolidation).hasDefinitionKey("ConsolidateReport").hasFormKey("consolidate-report")
                .hasName("Consolidate the report");
        assertThat(candidateGroups(tasks, consolidation)).containsExactly(COORDINATORS);
    }

    @Test
    void onlyMinistriesStillDraftingAreRemindedAndThenEscalated() {
        ProcessInstance review = startReview();
        complete(task(review), scopingDecisions());
        complete(draftOf(INTERIOR));
        assertThat(timersOf(management, "DraftingReminderTimer")).as("Interior's timers left with its task")
                .hasSize(1);

        moveClockTo(REMINDER_AT);
        assertThat(fireDueTimers(management, "DraftingReminderTimer")).isEqualTo(1);
        assertThat(draftingReminder.calls()).as("the mail waits for its own job").isEmpty();
        assertThat(runAsyncContinuations(management, "SendDraftingReminder")).isEqualTo(1);

        RecordingDelegate.Call reminder = draftingReminder.onlyCall();
        assertThat(reminder.variable("ministryGroup")).isEqualTo(LABOUR);
        assertThat(reminder.businessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(reminder.tenantId()).isEqualTo("KEN");
        assertThat(reminder.variable("draftingDue")).isEqualTo(DRAFTING_DUE);
        assertThat(draftOf(LABOUR)).as("a reminder does not take the task away").isNotNull();
        assertThat(draftingEscalation.calls()).isEmpty();

        moveClockTo(DRAFTING_DUE);
        assertThat(fireDueTimers(management, "DraftingOverdueTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "EscalateOverdueDrafting")).isEqualTo(1);

        RecordingDelegate.Call escalation = draftingEscalation.onlyCall();
        assertThat(escalation.variable("ministryGroup")).isEqualTo(LABOUR);
        assertThat(escalation.variable("coordinatorGroup")).isEqualTo(COORDINATORS);
        assertThat(review).hasPassed("MinistryReminded", "CoordinatorAlerted");
        assertThat(draftingReminder.calls()).hasSize(1);

        // a ministry that never answers is escalated again every week, until it does
        assertThat(timersOf(management, "DraftingOverdueTimer")).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(day(21)));
        moveClockTo(day(21));
        assertThat(fireDueTimers(management, "DraftingOverdueTimer")).isEqualTo(1);
        runAsyncContinuations(management, "EscalateOverdueDrafting");
        assertThat(draftingEscalation.calls()).hasSize(2);
        assertThat(timersOf(management, "DraftingOverdueTimer")).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(day(28)));

        complete(draftOf(LABOUR));

        assertThat(review).isWaitingAt("ConsolidateReport");
        assertThat(timersOf(management, "DraftingOverdueTimer")).as("the escalation stops with the task").isEmpty();
    }

    @Test
    void draftingThatRanPastTheOpeningDateAsksTheCoordinatorToReplanInsteadOfOpeningAndClosingAtOnce() {
        ProcessInstance review = startReview();
        complete(task(review), scopingDecisions());
        // drafting and consolidation end on day 41: the planned window (days 20 to 40) has passed
        moveClockTo(day(41));
        openTasks("DraftContribution").forEach(draft -> complete(draft));
        complete(task("ConsolidateReport", review));

        assertThat(review).hasPassed("ConsultationPlanFitsGateway").isWaitingAt("ReplanConsultation");
        assertThat(consultationOf(review)).as("nothing opens before the coordinator re-plans").isNull();
        Task replan = task("ReplanConsultation", review);
        assertThat(replan).hasName("Re-plan the consultation").hasFormKey("replan-consultation");
        assertThat(candidateGroups(tasks, replan)).containsExactly(COORDINATORS);

        // a re-plan that leaves less than the minimum window is asked for again
        complete(replan, withVariables("consultationOpensAt", day(41), "consultationClosesAt", day(50)));
        assertThat(review).isWaitingAt("ReplanConsultation");
        assertThat(consultationOf(review)).isNull();

        // a window opening today (its opening time has passed: the timer is due when reached) for 20 days
        complete(task("ReplanConsultation", review),
                withVariables("consultationOpensAt", day(41), "consultationClosesAt", day(61)));
        ProcessInstance consultation = consultationOf(review);
        assertThat(consultation).isNotNull();
        assertThat(runtime.getVariables(consultation.getId())).containsEntry("consultationOpensAt", day(41))
                .containsEntry("consultationClosesAt", day(61));
        assertThat(fireDueTimers(management, "WindowOpensTimer")).as("due at once").isEqualTo(1);
        assertThat(consultation).hasPassed("OpenConsultationWindow");
        assertThat(timersOf(management, "WindowClosesTimer")).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(day(61)));
        assertThat(fireDueTimers(management, "WindowClosesTimer")).as("the window stays open").isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
    }

    @Test
    void aWindowShorterThanTheMinimumIsReplannedEvenBeforeItsOpeningDate() {
        ProcessInstance review = startReview();
        complete(task(review), withVariables("ministryGroups", new ArrayList<>(List.of(INTERIOR)),
                "draftingDue", DRAFTING_DUE, "draftingReminderAt", REMINDER_AT,
                "consultationOpensAt", CONSULTATION_OPENS, "consultationClosesAt", day(25)));
        complete(draftOf(INTERIOR));
        complete(task("ConsolidateReport", review));

        assertThat(review).isWaitingAt("ReplanConsultation");
        complete(task("ReplanConsultation", review),
                withVariables("consultationOpensAt", CONSULTATION_OPENS, "consultationClosesAt", CONSULTATION_CLOSES));
        assertThat(review).isWaitingAt("StakeholderConsultation");
        assertThat(fireDueTimers(management, "WindowOpensTimer")).as("opens on its planned date").isZero();
    }

    @Test
    void aWindowOpeningEarlierTodayStillFitsAndItsTimerIsDueWhenReached() {
        ProcessInstance review = startReview();
        // the clock stands at 09:00; the window opened at 00:00 today, the day drafting is consolidated
        Date startOfToday = Date.from(ProcessTestSupport.START.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        complete(task(review), withVariables("ministryGroups", new ArrayList<>(List.of(INTERIOR)),
                "draftingDue", DRAFTING_DUE, "draftingReminderAt", REMINDER_AT,
                "consultationOpensAt", startOfToday, "consultationClosesAt", CONSULTATION_CLOSES));
        complete(draftOf(INTERIOR));
        complete(task("ConsolidateReport", review));

        assertThat(review).hasNotPassed("ReplanConsultation").isWaitingAt("StakeholderConsultation");
        assertThat(fireDueTimers(management, "WindowOpensTimer")).isEqualTo(1);
        assertThat(consultationOf(review)).hasPassed("OpenConsultationWindow");
    }

    @Test
    void happyPathFromScopingToPublication() {
        ProcessInstance review = startReview();
        complete(task(review), scopingDecisions());
        openTasks("DraftContribution").forEach(draft -> complete(draft));
        complete(task(review));

        ProcessInstance consultation = consultationOf(review);
        assertThat(consultation.getBusinessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(consultation.getTenantId()).isEqualTo("KEN");
        assertThat(runtime.getVariables(consultation.getId())).containsEntry("coordinatorGroup", COORDINATORS)
                .containsEntry("consultationOpensAt", CONSULTATION_OPENS)
                .containsEntry("consultationClosesAt", CONSULTATION_CLOSES).containsEntry("cycleId", 7L);
        runConsultation(consultation, false);

        assertThat(review).hasNotPassed("ReviseDraftAfterConsultation").isWaitingAt("SignOffReport");
        assertThat(runtime.getVariable(review.getId(), "reviseDraft")).isEqualTo(false);
        assertThat(runtime.getVariable(review.getId(), "changesRequested")).isEqualTo(false);
        List<Task> signOffs = openTasks("SignOffReport");
        assertThat(signOffs).extracting(signOff -> candidateGroups(tasks, signOff))
                .containsExactlyInAnyOrder(List.of(INTERIOR), List.of(LABOUR));
        signOffs.forEach(signOff -> assertThat(signOff).hasFormKey("sign-off").hasName("Sign off the report"));

        signOffs.forEach(signOff -> complete(signOff));

        assertThat(freeze.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);
        Task endorsement = task(review);
        assertThat(endorsement).hasDefinitionKey("EndorseFinalReport").hasFormKey("endorse-report");
        assertThat(candidateGroups(tasks, endorsement)).containsExactly(COORDINATORS);
        complete(endorsement);
        assertThat(review).as("publication and the hand-over go their own ways")
                .isWaitingAt("SubmitToRegionalReview", "PublishEndorsedReport");
        Task submission = task("SubmitToRegionalReview", review);
        assertThat(submission).hasDefinitionKey("SubmitToRegionalReview").hasFormKey("submit-regional");
        assertThat(candidateGroups(tasks, submission)).containsExactly(COORDINATORS);

        complete(submission);

        assertThat(sendToRegionalReview.calls()).as("the hand-over runs in its own job").isEmpty();
        assertThat(runAsyncContinuations(management, "SendToRegionalReview")).isEqualTo(1);
        assertThat(sendToRegionalReview.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(review).isWaitingAt("RegionalAnswerGateway");
        assertThat(subscribedMessages(review)).containsExactlyInAnyOrder("RegionalReviewAcknowledged",
                "RegionalClarificationRequested");

        answerFromRegionalReview("RegionalReviewAcknowledged");

        assertThat(sendToImrf.calls()).isEmpty();
        assertThat(runAsyncContinuations(management, "SendToImrf")).isEqualTo(1);
        assertThat(sendToImrf.onlyCall().variable("countryIso3")).isEqualTo("KEN");
        assertThat(review).hasPassed("ReportSentToImrf").isWaitingAt("PublishEndorsedReport");

        Task publication = task("PublishEndorsedReport", review);
        assertThat(publication).hasFormKey("publish-report").hasName("Publish the endorsed report");
        assertThat(candidateGroups(tasks, publication)).containsExactly(COORDINATORS);
        complete(publication);
        assertThat(publish.calls()).as("publishing is a job of its own").isEmpty();
        assertThat(runAsyncContinuations(management, "PublishReport")).isEqualTo(1);
        assertThat(publish.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);

        assertThat(review).isEnded().hasPassedInOrder("ScopeReview", "NationalDrafting", "ConsolidateReport",
                "StakeholderConsultation", "OpenSignOffRound", "InterMinisterialSignOff", "FreezeReportVersion",
                "EndorseFinalReport", "GovernmentValidationGateway", "FirstEndorsementGateway",
                "PublicationAndHandoverFork", "SubmitToRegionalReview", "SendToRegionalReview",
                "RegionalReviewAcknowledged", "SendToImrf", "ReportSentToImrf");
        assertThat(review).hasPassedInOrder("PublicationAndHandoverFork", "PublishEndorsedReport", "PublishReport",
                "ReportPublished");
        assertThat(review).hasNotPassed("ValidateReport", "ChooseRegionalRound", "ChooseImrfEdition");
        assertThat(review).hasNotPassed("RegionalClarificationRequested", "ReviseRequestedSections");
        assertThat(draftingReminder.calls()).isEmpty();
        assertThat(draftingEscalation.calls()).isEmpty();
    }

    @Test
    void consultationCanSendTheDraftBackForRevisionBeforeSignOff() {
        ProcessInstance review = reachConsultation();

        runConsultation(consultationOf(review), true);

        Task revision = task(review);
        assertThat(revision).hasDefinitionKey("ReviseDraftAfterConsultation").hasFormKey("revise-draft")
                .hasName("Revise the draft after consultation");
        assertThat(candidateGroups(tasks, revision)).containsExactly(COORDINATORS);
        assertThat(openTasks("SignOffReport")).isEmpty();

        complete(revision);

        assertThat(openTasks("SignOffReport")).hasSize(2);
        assertThat(runtime.getVariable(review.getId(), "changesRequested")).isEqualTo(false);
    }

    @Test
    void anyMinistryRequestingChangesSendsTheReportBackAndEveryRoundStartsAfresh() {
        ProcessInstance review = reachConsultation();
        runConsultation(consultationOf(review), false);

        // round 1: Labour asks for changes, then Interior approves (an approval leaves the request standing)
        complete(signOffOf(LABOUR), withVariables("changesRequested", true));
        complete(signOffOf(INTERIOR));

        assertThat(freeze.calls()).isEmpty();
        assertThat(runtime.getVariable(review.getId(), "changesRequested")).isEqualTo(true);
        Task revision = task(review);
        assertThat(revision).hasDefinitionKey("ReviseRequestedSections").hasFormKey("revise-requested-sections")
                .hasName("Revise the requested sections");
        assertThat(candidateGroups(tasks, revision)).containsExactly(COORDINATORS);

        complete(revision);

        assertThat(runtime.getVariable(review.getId(), "changesRequested")).as("reset for the new round")
                .isEqualTo(false);
        // round 2: the other way round, Labour approves first and Interior asks for changes
        complete(signOffOf(LABOUR));
        complete(signOffOf(INTERIOR), withVariables("changesRequested", true));

        assertThat(freeze.calls()).isEmpty();
        complete(task("ReviseRequestedSections", review));

        // round 3: both approve
        assertThat(runtime.getVariable(review.getId(), "changesRequested")).isEqualTo(false);
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));

        assertThat(freeze.calls()).hasSize(1);
        assertThat(review).isWaitingAt("EndorseFinalReport");
        assertThat(historicCount(review, "SignOffReport")).isEqualTo(6);
        assertThat(historicCount(review, "OpenSignOffRound")).isEqualTo(3);
    }

    @Test
    void aClarificationRequestIsAnsweredAndTheReportResubmitted() {
        ProcessInstance review = reachRegionalReview();

        answerFromRegionalReview("RegionalClarificationRequested");

        Task answer = task("AnswerClarification", review);
        assertThat(answer).hasDefinitionKey("AnswerClarification").hasFormKey("answer-clarification")
                .hasName("Answer the clarification request");
        assertThat(candidateGroups(tasks, answer)).containsExactly(COORDINATORS);
        assertThat(subscribedMessages(review)).as("no answer is awaited while the coordinator works").isEmpty();

        complete(answer, withVariables("textChanged", false));

        assertThat(runAsyncContinuations(management, "SendToRegionalReview")).isEqualTo(1);
        assertThat(sendToRegionalReview.calls()).as("sent, then resubmitted").hasSize(2);
        assertThat(review).isWaitingAt("RegionalAnswerGateway");

        answerFromRegionalReview("RegionalReviewAcknowledged");
        runAsyncContinuations(management, "SendToImrf");
        publishNow(review);

        assertThat(sendToImrf.calls()).hasSize(1);
        assertThat(publish.calls()).hasSize(1);
        assertThat(freeze.calls()).as("an answer that changes no text re-opens no sign-off").hasSize(1);
        assertThat(review).isEnded().hasPassed("AnswerClarification", "ReportPublished");
    }

    @Test
    void aClarificationThatChangesTwoSectionsIsSignedOffByTheirMinistriesAndEndorsedBeforeItIsSentAgain() {
        ProcessInstance review = reachRegionalReview();
        answerFromRegionalReview("RegionalClarificationRequested");

        // the two changed sections are Labour's; Interior had no part in them
        complete(task("AnswerClarification", review),
                withVariables("textChanged", true, "signOffGroups", new ArrayList<>(List.of(LABOUR))));

        assertThat(sendToRegionalReview.calls()).as("nothing unendorsed is sent").hasSize(1);
        assertThat(review).as("the publication step waits meanwhile; its form refuses while the new text is on its way")
                .isWaitingAt("SignOffReport", "PublishEndorsedReport");
        assertThat(openTasks("SignOffReport")).extracting(signOff -> candidateGroups(tasks, signOff))
                .containsExactly(List.of(LABOUR));
        assertThat(runtime.getVariable(review.getId(), "changesRequested")).isEqualTo(false);

        // Labour asks for one more change; the revision goes back to Labour only
        complete(signOffOf(LABOUR), withVariables("changesRequested", true));
        complete(task("ReviseRequestedSections", review));
        assertThat(openTasks("SignOffReport")).hasSize(1);
        complete(signOffOf(LABOUR));

        assertThat(freeze.calls()).as("the new text is frozen as a new version").hasSize(2);
        assertThat(review).isWaitingAt("EndorseFinalReport");
        assertThat(sendToRegionalReview.calls()).hasSize(1);
        complete(task("EndorseFinalReport", review));
        assertThat(openTasks("PublishEndorsedReport")).as("no second publication step").hasSize(1);
        complete(task("SubmitToRegionalReview", review));
        runAsyncContinuations(management, "SendToRegionalReview");

        assertThat(sendToRegionalReview.calls()).as("sent again only after endorsement").hasSize(2);
        answerFromRegionalReview("RegionalReviewAcknowledged");
        runAsyncContinuations(management, "SendToImrf");
        publishNow(review);
        assertThat(review).isEnded().hasPassedInOrder("AnswerClarification", "ClarificationChangedTextGateway",
                "InterMinisterialSignOff", "FreezeReportVersion", "EndorseFinalReport", "SubmitToRegionalReview",
                "SendToRegionalReview", "SendToImrf", "PublishReport");
        assertThat(historicCount(review, "EndorseFinalReport")).isEqualTo(2);
        assertThat(historicCount(review, "PublicationAndHandoverFork")).isEqualTo(1);
        assertThat(publish.calls()).hasSize(1);
    }

    @Test
    void aClarificationChangingSectionsNoMinistryDraftedGoesStraightToEndorsement() {
        ProcessInstance review = reachRegionalReview();
        answerFromRegionalReview("RegionalClarificationRequested");

        complete(task("AnswerClarification", review),
                withVariables("textChanged", true, "signOffGroups", new ArrayList<String>()));

        assertThat(openTasks("SignOffReport")).isEmpty();
        assertThat(freeze.calls()).hasSize(2);
        assertThat(review).isWaitingAt("EndorseFinalReport");
    }


    @Test
    void theCoordinatorPublishesTheEndorsedReportWithoutWaitingForTheRegionalReviewOrTheImrf() {
        ProcessInstance review = reachConsultation();
        runConsultation(consultationOf(review), false);
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        complete(task("EndorseFinalReport", review));

        publishNow(review);

        assertThat(publish.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(review).hasPassed("ReportPublished").isWaitingAt("SubmitToRegionalReview");
        complete(task("SubmitToRegionalReview", review));
        runAsyncContinuations(management, "SendToRegionalReview");
        answerFromRegionalReview("RegionalReviewAcknowledged");
        runAsyncContinuations(management, "SendToImrf");
        assertThat(review).isEnded().hasPassed("ReportSentToImrf");
        assertThat(publish.calls()).hasSize(1);
    }

    @Test
    void noOpenRegionalRoundGivesTheCoordinatorAChoiceAndWaitingChecksAgainUntilARoundIsChosen() {
        ProcessInstance review = reachConsultation();
        runConsultation(consultationOf(review), false);
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        complete(task("EndorseFinalReport", review));
        complete(task("SubmitToRegionalReview", review));
        noRegionalRound = true;

        assertThat(runAsyncContinuations(management, "SendToRegionalReview")).isEqualTo(1);

        Task choice = task("ChooseRegionalRound", review);
        assertThat(choice).hasFormKey("choose-regional-round").hasName("Choose a regional round or wait");
        assertThat(candidateGroups(tasks, choice)).containsExactly(COORDINATORS);
        assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
        complete(choice, withVariables("roundChoice", "wait"));
        assertThat(review).isWaitingAt("WaitForRegionalRound", "PublishEndorsedReport");
        assertThat(fireDueTimers(management, "WaitForRegionalRound")).as("not before a day").isZero();

        // still no round a day later: the same task again
        moveClockTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        assertThat(fireDueTimers(management, "WaitForRegionalRound")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "SendToRegionalReview")).isEqualTo(1);
        assertThat(sendToRegionalReview.calls()).hasSize(2);
        assertThat(review).isWaitingAt("ChooseRegionalRound");

        // the coordinator ties the cycle to an open round: the report goes
        noRegionalRound = false;
        complete(task("ChooseRegionalRound", review), withVariables("roundChoice", "chosen"));
        assertThat(runAsyncContinuations(management, "SendToRegionalReview")).isEqualTo(1);
        assertThat(review).isWaitingAt("RegionalAnswerGateway");
        assertThat(historicCount(review, "ChooseRegionalRound")).isEqualTo(2);
        assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
    }

    @Test
    void noOpenRegionalRoundForAClarificationAnswerEndsInTheSameChoice() {
        ProcessInstance review = reachRegionalReview();
        answerFromRegionalReview("RegionalClarificationRequested");
        noRegionalRound = true;

        complete(task("AnswerClarification", review), withVariables("textChanged", false));
        runAsyncContinuations(management, "SendToRegionalReview");

        assertThat(review).isWaitingAt("ChooseRegionalRound");
        assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
    }

    @Test
    void noOpenImrfEditionGivesTheCoordinatorAChoiceAndWaitingChecksAgain() {
        ProcessInstance review = reachRegionalReview();
        answerFromRegionalReview("RegionalReviewAcknowledged");
        noImrfEdition = true;

        assertThat(runAsyncContinuations(management, "SendToImrf")).isEqualTo(1);

        Task choice = task("ChooseImrfEdition", review);
        assertThat(choice).hasFormKey("choose-imrf-edition").hasName("Choose an IMRF edition or wait");
        assertThat(candidateGroups(tasks, choice)).containsExactly(COORDINATORS);
        complete(choice, withVariables("roundChoice", "wait"));
        moveClockTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1))));
        assertThat(fireDueTimers(management, "WaitForImrfEdition")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "SendToImrf")).isEqualTo(1);
        assertThat(review).isWaitingAt("ChooseImrfEdition");

        noImrfEdition = false;
        complete(task("ChooseImrfEdition", review), withVariables("roundChoice", "chosen"));
        assertThat(runAsyncContinuations(management, "SendToImrf")).isEqualTo(1);
        assertThat(sendToImrf.calls()).hasSize(3);
        assertThat(review).hasPassed("ReportSentToImrf").isWaitingAt("PublishEndorsedReport");
        assertThat(runtime.createIncidentQuery().processInstanceId(review.getId()).count()).isZero();
        publishNow(review);
        assertThat(review).isEnded();
    }

    @Test
    void theGovernmentValidatesTheEndorsedReportOrReturnsItForRevision() {
        ProcessInstance review = reachConsultation();
        runConsultation(consultationOf(review), false);
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        complete(task("EndorseFinalReport", review), withVariables("governmentGroup", GOVERNMENT));

        Task validation = task("ValidateReport", review);
        assertThat(validation).hasFormKey("validate-report").hasName("Validate the endorsed report");
        assertThat(candidateGroups(tasks, validation)).containsExactly(GOVERNMENT);
        assertThat(openTasks("PublishEndorsedReport")).as("nothing is published before validation").isEmpty();

        complete(validation, withVariables("governmentApproved", false));
        assertThat(review).isWaitingAt("ReviseRequestedSections");
        complete(task("ReviseRequestedSections", review));
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        assertThat(freeze.calls()).as("the revision is a new version").hasSize(2);
        complete(task("EndorseFinalReport", review));
        complete(task("ValidateReport", review), withVariables("governmentApproved", true));

        assertThat(review).isWaitingAt("SubmitToRegionalReview", "PublishEndorsedReport");
        assertThat(historicCount(review, "ValidateReport")).isEqualTo(2);
    }

    @Test
    void aSignOffRoundIsDueAfterTheSignOffPeriodAndAnOverdueMinistryIsEscalatedEveryWeekUntilItDecides() {
        ProcessInstance review = reachConsultation();
        runConsultation(consultationOf(review), false);

        // opened on day 40 with no planned date: due gcm.signoff.period (14 days) later, reminded 3 days before
        assertThat(runtime.getVariable(review.getId(), "signOffDue")).isEqualTo(day(54));
        openTasks("SignOffReport").forEach(signOff -> assertThat(signOff).hasDueDate(day(54)));
        assertThat(timersOf(management, "SignOffReminderTimer")).hasSize(2)
                .allSatisfy(timer -> assertThat(timer.getDuedate()).isEqualTo(day(51)));
        complete(signOffOf(INTERIOR));
        assertThat(timersOf(management, "SignOffReminderTimer")).as("Interior's timers left with its task").hasSize(1);

        moveClockTo(day(51));
        assertThat(fireDueTimers(management, "SignOffReminderTimer")).isEqualTo(1);
        assertThat(signOffReminder.calls()).as("the mail waits for its own job").isEmpty();
        assertThat(runAsyncContinuations(management, "SendSignOffReminder")).isEqualTo(1);
        assertThat(signOffReminder.onlyCall().variable("ministryGroup")).isEqualTo(LABOUR);
        assertThat(signOffReminder.onlyCall().variable("signOffDue")).isEqualTo(day(54));

        // a ministry that never signs is escalated on the due date and again every week
        for (int week = 0; week < 3; week++) {
            moveClockTo(day(54 + 7 * week));
            assertThat(fireDueTimers(management, "SignOffOverdueTimer")).isEqualTo(1);
            assertThat(runAsyncContinuations(management, "EscalateOverdueSignOff")).isEqualTo(1);
        }
        assertThat(signOffEscalation.calls()).hasSize(3)
                .allSatisfy(call -> assertThat(call.variable("ministryGroup")).isEqualTo(LABOUR));
        assertThat(timersOf(management, "SignOffOverdueTimer")).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(day(75)));
        assertThat(review).hasPassed("SignOffMinistryReminded", "SignOffEscalated");

        complete(signOffOf(LABOUR));

        assertThat(timersOf(management, "SignOffOverdueTimer")).as("the escalation stops with the task").isEmpty();
        assertThat(review).isWaitingAt("EndorseFinalReport");
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aPlannedSignOffDateStillAheadIsKeptAndEveryNewRoundGetsADueDateAgain() {
        ProcessInstance review = reachConsultation();
        runtime.setVariable(review.getId(), "signOffDue", day(70));
        runConsultation(consultationOf(review), false);

        assertThat(signOffOf(LABOUR)).hasDueDate(day(70));
        complete(signOffOf(LABOUR), withVariables("changesRequested", true));
        complete(signOffOf(INTERIOR));
        moveClockTo(day(71));
        complete(task("ReviseRequestedSections", review));

        // the planned date has passed by the second round: due gcm.signoff.period from the round's opening
        assertThat(runtime.getVariable(review.getId(), "signOffDue")).isEqualTo(day(85));
        openTasks("SignOffReport").forEach(signOff -> assertThat(signOff).hasDueDate(day(85)));
    }

    @Test
    void aMinistryThatNeverAnswersIsRemindedAndEscalatedUntilTheCoordinatorProceedsWithoutItInDraftingAndSignOff() {
        ProcessInstance review = startReview();
        complete(task(review), scopingDecisions());
        complete(draftOf(INTERIOR));
        moveClockTo(REMINDER_AT);
        fireDueTimers(management, "DraftingReminderTimer");
        runAsyncContinuations(management, "SendDraftingReminder");
        for (int week = 0; week < 3; week++) {
            moveClockTo(day(14 + 7 * week));
            assertThat(fireDueTimers(management, "DraftingOverdueTimer")).isEqualTo(1);
            runAsyncContinuations(management, "EscalateOverdueDrafting");
        }
        assertThat(draftingEscalation.calls()).as("escalated every week, never an incident").hasSize(3);
        assertThat(runtime.createIncidentQuery().count()).isZero();

        // what ProceedWithoutMinistry does for the coordinator: the ministry's task ends with that outcome
        proceedWithout(draftOf(LABOUR));

        assertThat(timersOf(management, "DraftingOverdueTimer")).isEmpty();
        complete(task("ConsolidateReport", review));
        // three weeks late, the planned window (days 20 to 40) no longer fits: the coordinator re-plans it
        assertThat(review).isWaitingAt("ReplanConsultation");
        complete(task("ReplanConsultation", review),
                withVariables("consultationOpensAt", day(28), "consultationClosesAt", day(42)));
        ProcessInstance consultation = consultationOf(review);
        assertThat(fireDueTimers(management, "WindowOpensTimer")).isEqualTo(1);
        moveClockTo(day(42));
        assertThat(fireDueTimers(management, "WindowClosesTimer")).isEqualTo(1);
        complete(task("RespondToInputs", consultation), withVariables("reviseDraft", false));
        assertThat(openTasks("SignOffReport")).as("a ministry proceeded without in drafting still signs off")
                .hasSize(2);
        complete(signOffOf(INTERIOR));
        // the sign-off round opened on day 42: due gcm.signoff.period (14 days) later
        moveClockTo(day(56));
        fireDueTimers(management, "SignOffOverdueTimer");
        runAsyncContinuations(management, "EscalateOverdueSignOff");
        assertThat(signOffEscalation.calls()).hasSize(1);

        proceedWithout(signOffOf(LABOUR));

        assertThat(freeze.calls()).hasSize(1);
        assertThat(review).isWaitingAt("EndorseFinalReport");
        assertThat(management.createJobQuery().processInstanceId(review.getId()).list().stream()
                .map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId()))
                .as("nothing of the ministry is left to fire, only the endorsement's own timers")
                .containsExactlyInAnyOrder("EndorsementReminderTimer", "EndorsementOverdueTimer");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(review.getId())
                .variableName("outcome").list()).as("the outcome stays in the history of both tasks").hasSize(2)
                .allSatisfy(v -> assertThat(v.getValue()).isEqualTo("proceeded-without"));
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void theAnswerToAClarificationIsDueRemindedAndEscalatedEveryWeekUntilItIsSent() {
        ProcessInstance review = reachRegionalReview();
        moveClockTo(day(60));
        answerFromRegionalReview("RegionalClarificationRequested");

        assertThat(runtime.getVariable(review.getId(), "clarificationDue")).isEqualTo(day(74));
        assertThat(task("AnswerClarification", review)).hasDueDate(day(74));
        moveClockTo(day(71));
        assertThat(fireDueTimers(management, "ClarificationReminderTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "SendClarificationReminder")).isEqualTo(1);
        assertThat(clarificationReminder.onlyCall().variable("coordinatorGroup")).isEqualTo(COORDINATORS);
        for (int week = 0; week < 2; week++) {
            moveClockTo(day(74 + 7 * week));
            assertThat(fireDueTimers(management, "ClarificationOverdueTimer")).isEqualTo(1);
            assertThat(runAsyncContinuations(management, "EscalateOverdueClarification")).isEqualTo(1);
        }
        assertThat(clarificationEscalation.calls()).hasSize(2);
        assertThat(review).hasPassed("CoordinatorRemindedToAnswer", "ClarificationEscalated");

        complete(task("AnswerClarification", review), withVariables("textChanged", false));

        assertThat(timersOf(management, "ClarificationOverdueTimer")).isEmpty();
        runAsyncContinuations(management, "SendToRegionalReview");

        // a second request, with the answer date the secretariat asked for
        runtime.createMessageCorrelation("RegionalClarificationRequested").processInstanceBusinessKey(BUSINESS_KEY)
                .setVariable("clarificationAnswerBy", day(120)).correlate();
        assertThat(task("AnswerClarification", review)).hasDueDate(day(120));
        assertThat(timersOf(management, "ClarificationReminderTimer")).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).isEqualTo(day(117)));
    }

    @Test
    void aMinistryAddedWhileDraftingGetsABranchOfItsOwnAndSignsOffAndARemovedOneDoesNeither() {
        ProcessInstance review = startReview();
        complete(task(review), scopingDecisions());
        String foreign = "ministry-KEN-FOREIGN";

        // what DraftingBranches.add does: one more branch inside the multi-instance body, and the sign-off list
        String body = runtime.getActivityInstance(review.getId())
                .getActivityInstances("NationalDrafting#multiInstanceBody")[0].getId();
        runtime.createProcessInstanceModification(review.getId()).startBeforeActivity("NationalDrafting", body)
                .setVariableLocal("ministryGroup", foreign).execute();
        runtime.setVariable(review.getId(), "ministryGroups", new ArrayList<>(List.of(INTERIOR, LABOUR, foreign)));
        assertThat(draftOf(foreign)).hasDueDate(DRAFTING_DUE);
        assertThat(timersOf(management, "DraftingOverdueTimer")).hasSize(3);

        // what DraftingBranches.remove does: Labour's task ends with the outcome "removed"
        tasks.setVariableLocal(draftOf(LABOUR).getId(), "outcome", "removed");
        tasks.complete(draftOf(LABOUR).getId());
        runtime.setVariable(review.getId(), "ministryGroups", new ArrayList<>(List.of(INTERIOR, foreign)));
        complete(draftOf(INTERIOR));

        assertThat(review).as("drafting waits for the added ministry").isWaitingAt("DraftContribution");
        complete(draftOf(foreign));
        complete(task("ConsolidateReport", review));
        runConsultation(consultationOf(review), false);

        assertThat(openTasks("SignOffReport")).extracting(signOff -> candidateGroups(tasks, signOff))
                .containsExactlyInAnyOrder(List.of(INTERIOR), List.of(foreign));
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        assertThat(review).isWaitingAt("EndorseFinalReport");
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    /** What the coordinator's "proceed without the ministry" does to the ministry's open task. */
    private void proceedWithout(Task ministryTask) {
        tasks.setVariableLocal(ministryTask.getId(), "outcome", "proceeded-without");
        tasks.complete(ministryTask.getId());
    }

    /** The stages a coordinator can withdraw the cycle from, each reached as the application would reach it. */
    enum Stage {
        SCOPING, DRAFTING, CONSOLIDATION, CONSULTATION_SCHEDULED, CONSULTATION_OPEN, RESPONDING_TO_INPUTS,
        REVISING_AFTER_CONSULTATION, SIGN_OFF, REVISING_REQUESTED_SECTIONS, ENDORSEMENT, READY_TO_SUBMIT,
        HAND_OVER_PENDING, AWAITING_REGIONAL_ANSWER, ANSWERING_CLARIFICATION, IMRF_HAND_OVER_PENDING,
        PUBLICATION_PENDING, VALIDATION, CHOOSING_REGIONAL_ROUND, WAITING_FOR_REGIONAL_ROUND, CHOOSING_IMRF_EDITION,
        WAITING_FOR_IMRF_EDITION
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void withdrawalAtAnyStageEndsEveryTaskTimerAndJobAndTheCalledConsultation(Stage stage) {
        ProcessInstance review = reach(stage);
        ProcessInstance consultation = consultationOf(review);

        runtime.createMessageCorrelation("ReviewWithdrawn").processInstanceBusinessKey(BUSINESS_KEY).correlate();

        assertThat(withdraw.onlyCall().variable("cycleId")).isEqualTo(7L);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(BUSINESS_KEY).count())
                .as("no task is left for anyone").isZero();
        assertThat(management.createJobQuery().timers().count()).as("no timer will fire").isZero();
        assertThat(tellRounds.calls()).as("the rounds are told in a job of its own").isEmpty();
        assertThat(runAsyncContinuations(management, "TellRoundsOfWithdrawal")).isEqualTo(1);

        assertThat(tellRounds.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(review).isEnded().hasPassed("ReviewWithdrawn", "WithdrawReview", "CycleWithdrawn")
                .hasNotPassed("ReportPublished");
        if (consultation != null) {
            assertThat(consultation).as("the called consultation ends with its caller").isEnded();
        }
        assertThat(management.createJobQuery().count()).as("nothing is left to run").isZero();
        assertThat(publish.calls()).isEmpty();
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void aWithdrawnCycleIsReopenedAtTheStageItWasWithdrawnFromWithItsVariables() {
        ProcessInstance withdrawn = reach(Stage.SIGN_OFF);
        complete(signOffOf(LABOUR));
        runtime.createMessageCorrelation("ReviewWithdrawn").processInstanceBusinessKey(BUSINESS_KEY).correlate();
        runAsyncContinuations(management, "TellRoundsOfWithdrawal");
        assertThat(withdrawn).isEnded();

        // what CycleWithdrawals.reopen does for an administrator
        runtime.restartProcessInstances(withdrawn.getProcessDefinitionId()).startBeforeActivity("SignOffRoundMerge")
                .processInstanceIds(withdrawn.getId()).execute();

        ProcessInstance reopened = runtime.createProcessInstanceQuery().processInstanceBusinessKey(BUSINESS_KEY)
                .active().singleResult();
        assertThat(reopened.getId()).isNotEqualTo(withdrawn.getId());
        assertThat(reopened.getTenantId()).isEqualTo("KEN");
        assertThat(runtime.getVariables(reopened.getId())).containsEntry("cycleId", 7L)
                .containsEntry("coordinatorGroup", COORDINATORS).containsEntry("draftingDue", DRAFTING_DUE)
                .containsEntry("ministryGroups", List.of(INTERIOR, LABOUR));
        assertThat(openTasks("SignOffReport")).as("a new sign-off round: every ministry signs again").hasSize(2);

        openTasks("SignOffReport").forEach(signOff -> complete(signOff));

        assertThat(reopened).isWaitingAt("EndorseFinalReport");
    }

    private ProcessInstance reach(Stage stage) {
        ProcessInstance review = startReview();
        switch (stage) {
            case SCOPING -> {
                return review;
            }
            case DRAFTING -> {
                complete(task(review), scopingDecisions());
                complete(draftOf(INTERIOR));
                return review;
            }
            case CONSOLIDATION -> {
                complete(task(review), scopingDecisions());
                openTasks("DraftContribution").forEach(draft -> complete(draft));
                return review;
            }
            default -> {
            }
        }
        complete(task(review), scopingDecisions());
        openTasks("DraftContribution").forEach(draft -> complete(draft));
        complete(task("ConsolidateReport", review));
        ProcessInstance consultation = consultationOf(review);
        switch (stage) {
            case CONSULTATION_SCHEDULED -> {
                return review;
            }
            case CONSULTATION_OPEN -> {
                moveClockTo(CONSULTATION_OPENS);
                fireDueTimers(management, "WindowOpensTimer");
                return review;
            }
            case RESPONDING_TO_INPUTS -> {
                moveClockTo(CONSULTATION_OPENS);
                fireDueTimers(management, "WindowOpensTimer");
                moveClockTo(CONSULTATION_CLOSES);
                fireDueTimers(management, "WindowClosesTimer");
                return review;
            }
            case REVISING_AFTER_CONSULTATION -> {
                runConsultation(consultation, true);
                return review;
            }
            default -> runConsultation(consultation, false);
        }
        switch (stage) {
            case SIGN_OFF -> {
                return review;
            }
            case REVISING_REQUESTED_SECTIONS -> {
                complete(signOffOf(LABOUR), withVariables("changesRequested", true));
                complete(signOffOf(INTERIOR));
                return review;
            }
            default -> openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        }
        if (stage == Stage.ENDORSEMENT) {
            return review;
        }
        if (stage == Stage.VALIDATION) {
            complete(task("EndorseFinalReport", review), withVariables("governmentGroup", GOVERNMENT));
            return review;
        }
        complete(task("EndorseFinalReport", review));
        if (stage == Stage.READY_TO_SUBMIT) {
            return review;
        }
        complete(task("SubmitToRegionalReview", review));
        if (stage == Stage.HAND_OVER_PENDING) {
            return review;
        }
        noRegionalRound = stage == Stage.CHOOSING_REGIONAL_ROUND || stage == Stage.WAITING_FOR_REGIONAL_ROUND;
        runAsyncContinuations(management, "SendToRegionalReview");
        if (stage == Stage.CHOOSING_REGIONAL_ROUND) {
            return review;
        }
        if (stage == Stage.WAITING_FOR_REGIONAL_ROUND) {
            complete(task("ChooseRegionalRound", review), withVariables("roundChoice", "wait"));
            return review;
        }
        switch (stage) {
            case AWAITING_REGIONAL_ANSWER -> {
                return review;
            }
            case ANSWERING_CLARIFICATION -> {
                answerFromRegionalReview("RegionalClarificationRequested");
                return review;
            }
            default -> answerFromRegionalReview("RegionalReviewAcknowledged");
        }
        if (stage == Stage.IMRF_HAND_OVER_PENDING) {
            return review;
        }
        noImrfEdition = stage == Stage.CHOOSING_IMRF_EDITION || stage == Stage.WAITING_FOR_IMRF_EDITION;
        runAsyncContinuations(management, "SendToImrf");
        if (stage == Stage.WAITING_FOR_IMRF_EDITION) {
            complete(task("ChooseImrfEdition", review), withVariables("roundChoice", "wait"));
        }
        if (stage == Stage.PUBLICATION_PENDING) {
            complete(task("PublishEndorsedReport", review));
        }
        return review;
    }

    /** The coordinator publishes (PublishEndorsedReport), and the job publishes. */
    private void publishNow(ProcessInstance review) {
        complete(task("PublishEndorsedReport", review));
        assertThat(runAsyncContinuations(management, "PublishReport")).isEqualTo(1);
    }

    /**
     * Issue 14.2: the coordinator's (and the government's) waiting tasks, each with its timer prefix and its due
     * date: the plan's date while it is ahead (consolidation: the window's opening; endorsement; internal
     * submission), otherwise the default period from when the task is reached.
     */
    enum WaitingTask {
        SCOPING("ScopeReview", "Scoping", day(14)),
        CONSOLIDATION("ConsolidateReport", "Consolidation", CONSULTATION_OPENS),
        REPLANNING("ReplanConsultation", "Replanning", day(7)),
        REVISION_AFTER_CONSULTATION("ReviseDraftAfterConsultation", "RevisionAfterConsultation", day(14)),
        REQUESTED_REVISION("ReviseRequestedSections", "RequestedRevision", day(7)),
        ENDORSEMENT("EndorseFinalReport", "Endorsement", day(30)),
        GOVERNMENT_VALIDATION("ValidateReport", "GovernmentValidation", day(14)),
        PUBLICATION("PublishEndorsedReport", "Publication", day(30)),
        INTERNAL_SUBMISSION("SubmitToRegionalReview", "InternalSubmission", day(35)),
        REGIONAL_ROUND_CHOICE("ChooseRegionalRound", "RegionalRoundChoice", day(7)),
        IMRF_EDITION_CHOICE("ChooseImrfEdition", "ImrfEditionChoice", day(7));

        final String task;
        final String timers;
        final Date due;

        WaitingTask(String task, String timers, Date due) {
            this.task = task;
            this.timers = timers;
            this.due = due;
        }
    }

    @ParameterizedTest
    @EnumSource(WaitingTask.class)
    void everyWaitingTaskIsDueRemindedAndEscalatedEveryWeekUntilItIsDone(WaitingTask waiting) {
        Map<String, Object> variables = new java.util.HashMap<>(scopingDecisions());
        variables.putAll(Map.of("countryIso3", "KEN", "cycleId", 7L, "coordinatorGroup", COORDINATORS,
                "governmentGroup", GOVERNMENT, "endorsementDue", day(30), "internalSubmissionDue", day(35)));
        ProcessInstance review = runtime.createProcessInstanceByKey("national-review").businessKey(BUSINESS_KEY)
                .setVariables(variables).startBeforeActivity(waiting.task).execute();

        WaitingTaskPath.walk(engine, review.getId(), waiting.task, waiting.timers, waiting.due, waitingTasks,
                Map.of("reviseDraft", false, "changesRequested", false, "governmentApproved", true,
                        "roundChoice", NationalReview.RoundChoice.WAIT));
    }

    @Test
    void aWaitingTaskReachedAfterItsPlannedDateIsDueAfterItsPeriodAndEachVisitGetsItsOwnDate() {
        Map<String, Object> variables = new java.util.HashMap<>(scopingDecisions());
        variables.putAll(Map.of("countryIso3", "KEN", "cycleId", 7L, "coordinatorGroup", COORDINATORS,
                "endorsementDue", day(-1)));
        ProcessInstance review = runtime.createProcessInstanceByKey("national-review").businessKey(BUSINESS_KEY)
                .setVariables(variables).startBeforeActivity("EndorseFinalReport").execute();
        // the planned date has passed: a week from now (the default), not an escalation at once
        assertThat(task("EndorseFinalReport", review).getDueDate()).isEqualTo(day(7));
        moveClockTo(day(3));
        assertThat(fireDueTimers(management, "EndorsementOverdueTimer")).isZero();
        complete(task("EndorseFinalReport", review));
        // a second visit (a clarification changed the text) is due a week after it is reached
        moveClockTo(day(20));
        runtime.createProcessInstanceModification(review.getId()).startBeforeActivity("EndorseFinalReport").execute();
        assertThat(task("EndorseFinalReport", review).getDueDate()).isEqualTo(day(27));
    }

    private ProcessInstance startReview() {
        return runtime.startProcessInstanceByKey("national-review", BUSINESS_KEY,
                Map.of("countryIso3", "KEN", "cycleId", 7L, "coordinatorGroup", COORDINATORS));
    }

    /** What the scoping form completes with. */
    private static Map<String, Object> scopingDecisions() {
        return withVariables("ministryGroups", new ArrayList<>(List.of(INTERIOR, LABOUR)),
                "draftingDue", DRAFTING_DUE, "draftingReminderAt", REMINDER_AT,
                "consultationOpensAt", CONSULTATION_OPENS, "consultationClosesAt", CONSULTATION_CLOSES);
    }

    private ProcessInstance reachConsultation() {
        ProcessInstance review = startReview();
        complete(task(review), scopingDecisions());
        openTasks("DraftContribution").forEach(draft -> complete(draft));
        complete(task("ConsolidateReport", review));
        return review;
    }

    private ProcessInstance reachRegionalReview() {
        ProcessInstance review = reachConsultation();
        runConsultation(consultationOf(review), false);
        openTasks("SignOffReport").forEach(signOff -> complete(signOff));
        complete(task("EndorseFinalReport", review));
        complete(task("SubmitToRegionalReview", review));
        runAsyncContinuations(management, "SendToRegionalReview");
        assertThat(sendToRegionalReview.calls()).hasSize(1);
        return review;
    }

    private ProcessInstance consultationOf(ProcessInstance review) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(review.getId()).singleResult();
    }

    /** Opens the window on its date, lets it close on its date, and records the coordinator's response. */
    private void runConsultation(ProcessInstance consultation, boolean reviseDraft) {
        moveClockTo(CONSULTATION_OPENS);
        assertThat(fireDueTimers(management, "WindowOpensTimer")).isEqualTo(1);
        moveClockTo(CONSULTATION_CLOSES);
        assertThat(fireDueTimers(management, "WindowClosesTimer")).isEqualTo(1);
        complete(task("RespondToInputs", consultation), withVariables("reviseDraft", reviseDraft));
        assertThat(consultation).isEnded();
    }

    /** What the regional process's requestClarification / acknowledgeSubmission beans do. */
    private void answerFromRegionalReview(String message) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(BUSINESS_KEY).correlate();
    }

    private List<Task> openTasks(String taskDefinitionKey) {
        return tasks.createTaskQuery().taskDefinitionKey(taskDefinitionKey).list();
    }

    private Task draftOf(String ministryGroup) {
        return tasks.createTaskQuery().taskDefinitionKey("DraftContribution").taskCandidateGroup(ministryGroup)
                .singleResult();
    }

    private Task signOffOf(String ministryGroup) {
        return tasks.createTaskQuery().taskDefinitionKey("SignOffReport").taskCandidateGroup(ministryGroup)
                .singleResult();
    }

    /** The messages the review waits for at its current step; the withdrawal, awaited all along, aside. */
    private List<String> subscribedMessages(ProcessInstance review) {
        List<String> names = runtime.createEventSubscriptionQuery().processInstanceId(review.getId())
                .eventType("message").list().stream().map(subscription -> subscription.getEventName()).toList();
        assertThat(names).as("a running review can always be withdrawn").contains("ReviewWithdrawn");
        return names.stream().filter(name -> !name.equals("ReviewWithdrawn")).toList();
    }

    private long historicCount(ProcessInstance review, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(review.getId())
                .activityId(activityId).count();
    }
}
