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

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/regional-review.bpmn")
class RegionalReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.fullCoverageExtension();

    private static final String ROUND = "ECA-2026";
    private static final Date DEADLINE = day(90);

    private ProcessEngine engine;
    private RuntimeService runtime;
    private TaskService tasks;
    private RecordingDelegate deadlineNotice;
    private RecordingDelegate requestClarification;
    private RecordingDelegate acknowledgeSubmission;
    private RoundDelegates delegates;

    private WaitingTaskPath.Notices waitingTasks;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        ProcessTestSupport.begin(engine);
        deadlineNotice = RecordingDelegate.register("notifySubmissionDeadlinePassed");
        requestClarification = RecordingDelegate.register("requestClarification");
        acknowledgeSubmission = RecordingDelegate.register("acknowledgeSubmission");
        delegates = RoundDelegates.register();
        waitingTasks = WaitingTaskPath.registerNotices();
    }

    @AfterEach
    void tearDown() {
        ProcessTestSupport.end();
    }

    @Test
    void deadlineNoticeIsSentWhenTheDeadlinePassesAndTheRoundStaysOpen() {
        ProcessInstance round = startRound();

        Task synthesis = task(round);
        assertThat(synthesis).hasDefinitionKey("PrepareRegionalSynthesis").hasFormKey("regional-synthesis");
        assertThat(candidateGroups(tasks, synthesis)).containsExactly("regional-secretariat-ECA");
        assertThat(timersOf(engine.getManagementService(), "SubmissionDeadlineTimer"))
                .singleElement().extracting(job -> job.getDuedate()).isEqualTo(DEADLINE);
        assertThat(fireDueTimers(engine.getManagementService(), "SubmissionDeadlineTimer")).isZero();

        moveClockTo(DEADLINE);
        assertThat(fireDueTimers(engine.getManagementService(), "SubmissionDeadlineTimer")).isEqualTo(1);
        assertThat(deadlineNotice.calls()).as("the mail waits for its own job").isEmpty();
        assertThat(runAsyncContinuations(engine.getManagementService(), "NotifySubmissionDeadlinePassed"))
                .isEqualTo(1);

        RecordingDelegate.Call notice = deadlineNotice.onlyCall();
        assertThat(notice.businessKey()).isEqualTo(ROUND);
        assertThat(notice.variables()).containsEntry("commissionCode", "ECA").containsEntry("roundId", 3L);
        assertThat(round).hasPassed("DeadlineNoticeSent").isWaitingAt("PrepareRegionalSynthesis");

        complete(task(round));

        assertThat(round).isEnded().hasPassed("RegionalRoundClosed");
        assertThat(requestClarification.calls()).isEmpty();
        assertThat(acknowledgeSubmission.calls()).isEmpty();
    }

    @Test
    void everySubmissionIsReviewedInItsOwnScopeAndAnsweredToItsCountry() {
        ProcessInstance round = startRound();

        submit("KEN-2026", 11L, "KEN");
        submit("NGA-2026", 12L, "NGA");

        Task kenya = reviewOf("KEN-2026");
        Task nigeria = reviewOf("NGA-2026");
        assertThat(kenya).hasName("Review the national submission").hasFormKey("review-submission");
        assertThat(candidateGroups(tasks, kenya)).containsExactly("regional-secretariat-ECA");
        assertThat(candidateGroups(tasks, nigeria)).containsExactly("regional-secretariat-ECA");
        // the message's variables stay with their submission
        assertThat(runtime.getVariables(round.getId())).doesNotContainKeys("nationalBusinessKey", "submissionId",
                "countryIso3", "clarificationNeeded");

        complete(kenya, withVariables("clarificationNeeded", true));
        // Nigeria's reviewer completes without deciding anything: that acknowledges the submission
        complete(nigeria);

        assertThat(requestClarification.calls()).as("answers are sent by their own jobs").isEmpty();
        assertThat(acknowledgeSubmission.calls()).isEmpty();
        assertThat(runAsyncContinuations(engine.getManagementService(), "RequestClarification")).isEqualTo(1);
        assertThat(runAsyncContinuations(engine.getManagementService(), "AcknowledgeSubmission")).isEqualTo(1);

        RecordingDelegate.Call clarification = requestClarification.onlyCall();
        assertThat(clarification.variables()).containsEntry("nationalBusinessKey", "KEN-2026")
                .containsEntry("submissionId", 11L).containsEntry("countryIso3", "KEN")
                .containsEntry("clarificationNeeded", true);
        RecordingDelegate.Call acknowledgement = acknowledgeSubmission.onlyCall();
        assertThat(acknowledgement.variables()).containsEntry("nationalBusinessKey", "NGA-2026")
                .containsEntry("submissionId", 12L).containsEntry("countryIso3", "NGA")
                .containsEntry("clarificationNeeded", false);
        assertThat(round).hasPassed("ClarificationRequested", "SubmissionAcknowledged")
                .isWaitingAt("PrepareRegionalSynthesis");
        assertThat(runtime.getVariables(round.getId())).doesNotContainKey("clarificationNeeded");

        // Kenya answers and resubmits: a new review of its own
        submit("KEN-2026", 13L, "KEN");
        complete(reviewOf("KEN-2026"), withVariables("clarificationNeeded", false));
        runAsyncContinuations(engine.getManagementService(), "AcknowledgeSubmission");

        assertThat(acknowledgeSubmission.valuesOf("nationalBusinessKey")).containsExactly("NGA-2026", "KEN-2026");
        assertThat(acknowledgeSubmission.valuesOf("submissionId")).containsExactly(12L, 13L);
        assertThat(requestClarification.calls()).hasSize(1);

        complete(task("PrepareRegionalSynthesis", round));
        assertThat(round).isEnded();
    }

    @Test
    void aReviewHasADueDateAReminderAndAnEscalationThatRepeatsUntilItIsDone() {
        ProcessInstance round = startRound();
        submit("KEN-2026", 11L, "KEN");

        Task review = reviewOf("KEN-2026");
        assertThat(review.getDueDate()).isEqualTo(day(30));
        ManagementService management = engine.getManagementService();
        assertThat(timersOf(management, "ReviewReminderTimer")).singleElement()
                .extracting(job -> job.getDuedate()).isEqualTo(day(23));
        assertThat(timersOf(management, "ReviewOverdueTimer")).singleElement()
                .extracting(job -> job.getDuedate()).isEqualTo(day(30));

        moveClockTo(day(23));
        assertThat(fireDueTimers(management, "ReviewReminderTimer")).isEqualTo(1);
        assertThat(delegates.reminder().calls()).as("the mail waits for its own job").isEmpty();
        assertThat(runAsyncContinuations(management, "RemindSecretariat")).isEqualTo(1);
        assertThat(delegates.reminder().onlyCall().variables()).containsEntry("submissionId", 11L)
                .containsEntry("secretariatGroup", "regional-secretariat-ECA");

        moveClockTo(day(30));
        assertThat(fireDueTimers(management, "ReviewOverdueTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "EscalateOverdueReview")).isEqualTo(1);
        // the escalation comes back every week while the review is not done
        assertThat(timersOf(management, "ReviewOverdueTimer")).singleElement()
                .extracting(job -> job.getDuedate()).isEqualTo(day(37));
        moveClockTo(day(37));
        assertThat(fireDueTimers(management, "ReviewOverdueTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "EscalateOverdueReview")).isEqualTo(1);
        assertThat(delegates.escalation().valuesOf("submissionId")).containsExactly(11L, 11L);
        assertThat(round).hasPassed("SecretariatReminded", "ReviewEscalated");

        complete(reviewOf("KEN-2026"), withVariables("clarificationNeeded", false));
        assertThat(timersOf(management, "ReviewOverdueTimer")).as("done: no more escalation").isEmpty();
        assertThat(timersOf(management, "ReviewReminderTimer")).isEmpty();
        runAsyncContinuations(management, "AcknowledgeSubmission");
        assertThat(round).hasPassed("SubmissionReviewed").isWaitingAt("PrepareRegionalSynthesis");
    }

    @Test
    void aWithdrawalEndsThatSubmissionsReviewOnlyEvenWithItsAnswerOnTheWay() {
        ProcessInstance round = startRound();
        submit("KEN-2026", 11L, "KEN");
        submit("NGA-2026", 12L, "NGA");
        submit("GHA-2026", 14L, "GHA");
        // Ghana's review is decided, its acknowledgement not yet sent
        complete(reviewOf("GHA-2026"), withVariables("clarificationNeeded", false));

        assertThat(withdraw(11L)).isEqualTo(1);
        assertThat(withdraw(14L)).isEqualTo(1);

        assertThat(delegates.withdrawal().valuesOf("submissionId")).containsExactly(11L, 14L);
        assertThat(tasks.createTaskQuery().taskDefinitionKey("ReviewSubmission").list()).singleElement()
                .satisfies(task -> assertThat(tasks.getVariable(task.getId(), "nationalBusinessKey"))
                        .isEqualTo("NGA-2026"));
        assertThat(runAsyncContinuations(engine.getManagementService(), "AcknowledgeSubmission"))
                .as("the withdrawn report is not acknowledged").isZero();
        assertThat(acknowledgeSubmission.calls()).isEmpty();
        assertThat(timersOf(engine.getManagementService(), "ReviewReminderTimer")).hasSize(1);
        assertThat(round).hasPassed("ReviewWithdrawn").isWaitingAt("PrepareRegionalSynthesis");
        // a submission no longer under review: nothing to end, and nothing fails
        assertThat(withdraw(11L)).isZero();
    }

    @Test
    void aSubmissionReleasedAtClosingEndsItsReviewAndIsHandedBackByItsOwnJob() {
        ProcessInstance round = startRound();
        submit("KEN-2026", 11L, "KEN");

        assertThat(runtime.createMessageCorrelation("SubmissionReleased").processInstanceId(round.getId())
                .localVariableEquals("submissionId", 11L).correlateAllWithResult()).hasSize(1);
        assertThat(tasks.createTaskQuery().taskDefinitionKey("ReviewSubmission").count()).isZero();
        assertThat(delegates.release().calls()).isEmpty();
        assertThat(runAsyncContinuations(engine.getManagementService(), "ReleaseSubmission")).isEqualTo(1);
        assertThat(delegates.release().onlyCall().variables()).containsEntry("submissionId", 11L)
                .containsEntry("nationalBusinessKey", "KEN-2026");

        complete(task("PrepareRegionalSynthesis", round), withVariables("lateReviews", false));
        assertThat(round).hasPassed("ReviewReleased").isEnded();
    }

    @Test
    void aRoundClosedWithCountriesAcceptedLateKeepsReceivingTheirAnswersUntilSettled() {
        ProcessInstance round = startRound();
        submit("KEN-2026", 11L, "KEN");
        complete(reviewOf("KEN-2026"), withVariables("clarificationNeeded", true));
        runAsyncContinuations(engine.getManagementService(), "RequestClarification");

        complete(task("PrepareRegionalSynthesis", round), withVariables("lateReviews", true));

        assertThat(round).isWaitingAt("LateReviewsSettled");
        // Kenya's answer still reaches the closed round
        submit("KEN-2026", 13L, "KEN");
        complete(reviewOf("KEN-2026"), withVariables("clarificationNeeded", false));
        runAsyncContinuations(engine.getManagementService(), "AcknowledgeSubmission");
        assertThat(acknowledgeSubmission.valuesOf("submissionId")).containsExactly(13L);

        runtime.createMessageCorrelation("LateReviewsSettled").processInstanceId(round.getId()).correlateAll();
        assertThat(round).hasPassed("LateReviewsSettled", "RegionalRoundClosed").isEnded();
    }

    @Test
    void aRoundStartedAfterItsDeadlineSendsTheDeadlineNoticeAtOnceAndStaysOpen() {
        ProcessTestSupport.moveClockTo(day(100));
        ProcessInstance round = startRound();

        assertThat(fireDueTimers(engine.getManagementService(), "SubmissionDeadlineTimer"))
                .as("a deadline already passed when the round starts fires on the next run").isEqualTo(1);
        assertThat(runAsyncContinuations(engine.getManagementService(), "NotifySubmissionDeadlinePassed"))
                .isEqualTo(1);
        assertThat(round).isWaitingAt("PrepareRegionalSynthesis");
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    private int withdraw(long submissionId) {
        // what the national process does when its cycle is withdrawn
        return runtime.createMessageCorrelation("SubmissionWithdrawn")
                .processInstanceBusinessKey(ROUND)
                .localVariableEquals("submissionId", submissionId)
                .correlateAllWithResult().size();
    }

    /**
     * Issue 14.2: the synthesis is due 30 days after the round's submission deadline, reminded before and escalated
     * to the secretariat every week until the round is closed.
     */
    @Test
    void theSynthesisIsDueAfterTheDeadlineRemindedAndEscalatedEveryWeekUntilTheRoundCloses() {
        ProcessInstance round = startRound();

        WaitingTaskPath.walk(engine, round.getId(), "PrepareRegionalSynthesis", "RegionalSynthesis", day(120),
                waitingTasks, Map.of("lateReviews", false));
        assertThat(round).isEnded();
    }

    private ProcessInstance startRound() {
        return runtime.startProcessInstanceByKey("regional-review", ROUND,
                Map.of("commissionCode", "ECA", "roundId", 3L, "secretariatGroup", "regional-secretariat-ECA",
                        "submissionDeadline", DEADLINE));
    }

    /** What the national process's sendToRegionalReview bean does. */
    private void submit(String nationalBusinessKey, long submissionId, String countryIso3) {
        ProcessTestSupport.submitToRound(runtime, "NationalReportSubmitted", ROUND, nationalBusinessKey, submissionId,
                countryIso3);
    }

    private Task reviewOf(String nationalBusinessKey) {
        // each review sees its own submission's variables (they live in the event sub-process's scope)
        return tasks.createTaskQuery().taskDefinitionKey("ReviewSubmission").list().stream()
                .filter(task -> nationalBusinessKey.equals(tasks.getVariable(task.getId(), "nationalBusinessKey")))
                .reduce((a, b) -> {
                    throw new AssertionError("two open reviews for " + nationalBusinessKey);
                })
                .orElseThrow(() -> new AssertionError("no open review for " + nationalBusinessKey));
    }
}
