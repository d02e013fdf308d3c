package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.gcmreview.processes.ProcessTestSupport.candidateGroups;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.gcmreview.processes.ProcessTestSupport.day;
import static org.gcmreview.processes.ProcessTestSupport.fireDueTimers;
import static org.gcmreview.processes.ProcessTestSupport.moveClockTo;
import static org.gcmreview.processes.ProcessTestSupport.runAsyncContinuations;
import static org.gcmreview.processes.ProcessTestSupport.timersOf;

import java.util.List;
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

@Deployment(resources = "processes/imrf-review.bpmn")
class ImrfReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.fullCoverageExtension();

    private static final String EDITION = "IMRF-2026";

    private ProcessEngine engine;
    private RuntimeService runtime;
    private TaskService tasks;
    private RoundDelegates delegates;

    private WaitingTaskPath.Notices waitingTasks;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        ProcessTestSupport.begin(engine);
        delegates = RoundDelegates.register();
        waitingTasks = WaitingTaskPath.registerNotices();
    }

    @AfterEach
    void tearDown() {
        ProcessTestSupport.end();
    }

    @Test
    void theEditionWaitsForTheSecretariatToCloseIt() {
        ProcessInstance edition = startEdition();

        Task close = task(edition);
        assertThat(close).hasDefinitionKey("CloseImrfEdition").hasFormKey("close-imrf-edition")
                .hasName("Prepare the forum and close the edition");
        assertThat(candidateGroups(tasks, close)).containsExactly("imrf-secretariat");

        complete(close);

        assertThat(edition).isEnded().hasPassed("ImrfEditionClosed").hasNotPassed("RegisterImrfSubmission");
    }

    @Test
    void everyReportSentToTheImrfIsRegisteredSeparately() {
        ProcessInstance edition = startEdition();

        submit("KEN-2026", 21L, "KEN");
        submit("MEX-2026", 22L, "MEX");

        List<Task> registrations = tasks.createTaskQuery().taskDefinitionKey("RegisterImrfSubmission")
                .orderByTaskCreateTime().asc().list();
        assertThat(registrations).hasSize(2);
        for (Task registration : registrations) {
            assertThat(registration).hasFormKey("register-imrf-submission").hasName("Register the IMRF submission");
            assertThat(candidateGroups(tasks, registration)).containsExactly("imrf-secretariat");
        }
        assertThat(registrations).extracting(task -> tasks.getVariable(task.getId(), "nationalBusinessKey"))
                .containsExactlyInAnyOrder("KEN-2026", "MEX-2026");
        assertThat(registrations).extracting(task -> tasks.getVariable(task.getId(), "submissionId"))
                .containsExactlyInAnyOrder(21L, 22L);
        assertThat(runtime.getVariables(edition.getId())).doesNotContainKeys("nationalBusinessKey", "submissionId",
                "countryIso3");

        registrations.forEach(registration -> complete(registration));

        assertThat(edition).hasPassed("ImrfSubmissionRegistered").isWaitingAt("CloseImrfEdition");
        complete(task(edition));
        assertThat(edition).isEnded();
    }

    @Test
    void aRegistrationHasADueDateAReminderAndAnEscalationThatRepeatsUntilItIsDone() {
        ProcessInstance edition = startEdition();
        submit("KEN-2026", 21L, "KEN");
        ManagementService management = engine.getManagementService();

        Task registration = task("RegisterImrfSubmission", edition);
        assertThat(registration.getDueDate()).isEqualTo(day(30));
        moveClockTo(day(23));
        assertThat(fireDueTimers(management, "RegistrationReminderTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "RemindImrfSecretariat")).isEqualTo(1);
        moveClockTo(day(30));
        assertThat(fireDueTimers(management, "RegistrationOverdueTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "EscalateOverdueRegistration")).isEqualTo(1);
        moveClockTo(day(37));
        assertThat(fireDueTimers(management, "RegistrationOverdueTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "EscalateOverdueRegistration")).isEqualTo(1);
        assertThat(delegates.reminder().valuesOf("submissionId")).containsExactly(21L);
        assertThat(delegates.escalation().valuesOf("submissionId")).containsExactly(21L, 21L);
        assertThat(edition).hasPassed("ImrfSecretariatReminded", "RegistrationEscalated");

        complete(task("RegisterImrfSubmission", edition));
        assertThat(timersOf(management, "RegistrationOverdueTimer")).isEmpty();
        assertThat(edition).hasPassed("ImrfIntakeDone").isWaitingAt("CloseImrfEdition");
    }

    @Test
    void withdrawalAndReleaseEndOnlyTheirOwnRegistration() {
        ProcessInstance edition = startEdition();
        submit("KEN-2026", 21L, "KEN");
        submit("MEX-2026", 22L, "MEX");
        submit("GHA-2026", 23L, "GHA");

        assertThat(correlate("SubmissionWithdrawn", 21L)).isEqualTo(1);
        assertThat(correlate("SubmissionReleased", 22L)).isEqualTo(1);
        assertThat(delegates.withdrawal().valuesOf("submissionId")).containsExactly(21L);
        assertThat(delegates.release().calls()).as("its own job").isEmpty();
        assertThat(runAsyncContinuations(engine.getManagementService(), "ReleaseSubmission")).isEqualTo(1);
        assertThat(delegates.release().valuesOf("submissionId")).containsExactly(22L);

        assertThat(tasks.createTaskQuery().taskDefinitionKey("RegisterImrfSubmission").list()).singleElement()
                .satisfies(task -> assertThat(tasks.getVariable(task.getId(), "submissionId")).isEqualTo(23L));
        assertThat(edition).hasPassed("RegistrationWithdrawn", "RegistrationReleased");

        // Closing with Ghana accepted late: its registration stays open, the edition ends after it
        complete(task("CloseImrfEdition", edition), withVariables("lateReviews", true));
        assertThat(edition).hasPassed("ImrfEditionClosed").isNotEnded();
        complete(task("RegisterImrfSubmission", edition));
        assertThat(edition).isEnded();
    }

    private int correlate(String message, long submissionId) {
        return runtime.createMessageCorrelation(message).processInstanceBusinessKey(EDITION)
                .localVariableEquals("submissionId", submissionId).correlateAllWithResult().size();
    }

    /**
     * Issue 14.2: closing the edition is due 60 days after its submission deadline, reminded before and escalated
     * to the IMRF secretariat every week until it is closed.
     */
    @Test
    void closingTheEditionIsDueAfterTheDeadlineRemindedAndEscalatedEveryWeekUntilClosed() {
        ProcessInstance edition = startEdition();

        WaitingTaskPath.walk(engine, edition.getId(), "CloseImrfEdition", "EditionClosing", day(180), waitingTasks,
                Map.of());
        assertThat(edition).isEnded();
    }

    private ProcessInstance startEdition() {
        return runtime.startProcessInstanceByKey("imrf-review", EDITION, Map.of("roundId", 5L,
                "secretariatGroup", "imrf-secretariat", "submissionDeadline", day(120)));
    }

    /** What the national process's sendToImrf bean does. */
    private void submit(String nationalBusinessKey, long submissionId, String countryIso3) {
        ProcessTestSupport.submitToRound(runtime, "ReportSubmittedToImrf", EDITION, nationalBusinessKey, submissionId,
                countryIso3);
    }
}
