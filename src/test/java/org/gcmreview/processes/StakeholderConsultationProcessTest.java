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
import static org.gcmreview.processes.ProcessTestSupport.timersOf;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/stakeholder-consultation.bpmn")
class StakeholderConsultationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.fullCoverageExtension();

    private static final String BUSINESS_KEY = "KEN-2026";
    private static final Date OPENS_AT = day(20);
    private static final Date CLOSES_AT = day(40);

    private ProcessEngine engine;
    private RecordingDelegate openWindow;
    private RecordingDelegate closeWindow;

    private WaitingTaskPath.Notices waitingTasks;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        ProcessTestSupport.begin(engine);
        openWindow = RecordingDelegate.register("openConsultationWindow");
        closeWindow = RecordingDelegate.register("closeConsultationWindow");
        waitingTasks = WaitingTaskPath.registerNotices();
    }

    @AfterEach
    void tearDown() {
        ProcessTestSupport.end();
    }

    @Test
    void windowOpensOnItsDateAndClosesOnItsClosingDate() {
        ProcessInstance consultation = startConsultation();

        assertThat(consultation).isWaitingAt("WindowOpensTimer");
        assertThat(timersOf(engine.getManagementService(), "WindowOpensTimer"))
                .singleElement().extracting(job -> job.getDuedate()).isEqualTo(OPENS_AT);
        assertThat(fireDueTimers(engine.getManagementService(), "WindowOpensTimer")).isZero();
        assertThat(openWindow.calls()).isEmpty();

        moveClockTo(OPENS_AT);
        assertThat(fireDueTimers(engine.getManagementService(), "WindowOpensTimer")).isEqualTo(1);

        assertThat(openWindow.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);
        // an event-based gateway waits as itself, subscribed to its three events
        assertThat(consultation).isWaitingAt("ConsultationWindowGateway");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery()
                .processInstanceId(consultation.getId()).list())
                .extracting(subscription -> subscription.getEventName())
                .containsExactlyInAnyOrder("ConsultationClosedEarly", "ConsultationWindowExtended");
        assertThat(timersOf(engine.getManagementService(), "WindowClosesTimer"))
                .singleElement().extracting(job -> job.getDuedate()).isEqualTo(CLOSES_AT);
        assertThat(closeWindow.calls()).isEmpty();

        moveClockTo(CLOSES_AT);
        assertThat(fireDueTimers(engine.getManagementService(), "WindowClosesTimer")).isEqualTo(1);

        assertThat(closeWindow.onlyCall().businessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(consultation).hasPassed("WindowClosesTimer").hasNotPassed("ConsultationClosedEarly");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery()
                .processInstanceId(consultation.getId()).list()).isEmpty();
        Task respond = task();
        assertThat(respond).hasDefinitionKey("RespondToInputs").hasFormKey("respond-to-inputs")
                .hasName("Record how each input was addressed");
        assertThat(candidateGroups(engine.getTaskService(), respond)).containsExactly("coordinator-KEN");

        complete(respond, withVariables("reviseDraft", true));

        assertThat(consultation).isEnded().hasPassed("ConsultationFinished").variables()
                .containsEntry("reviseDraft", true);
    }

    @Test
    void coordinatorClosesTheWindowEarly() {
        ProcessInstance consultation = openedConsultation();

        engine.getRuntimeService().createMessageCorrelation("ConsultationClosedEarly")
                .processInstanceBusinessKey(BUSINESS_KEY).correlate();

        assertThat(closeWindow.calls()).hasSize(1);
        assertThat(consultation).hasPassed("ConsultationClosedEarly").hasNotPassed("WindowClosesTimer")
                .isWaitingAt("RespondToInputs");
        // the closing timer went away with the gateway's other branches
        assertThat(timersOf(engine.getManagementService(), "WindowClosesTimer")).isEmpty();

        complete(task(), withVariables("reviseDraft", false));

        assertThat(consultation).isEnded().variables().containsEntry("reviseDraft", false);
    }

    @Test
    void extendingTheWindowMovesTheClosingTimerToTheNewDate() {
        ProcessInstance consultation = openedConsultation();
        Date extendedTo = day(55);

        engine.getRuntimeService().createMessageCorrelation("ConsultationWindowExtended")
                .processInstanceBusinessKey(BUSINESS_KEY)
                .setVariable("consultationClosesAt", extendedTo)
                .correlate();

        assertThat(consultation).hasPassed("ConsultationWindowExtended")
                .isWaitingAt("ConsultationWindowGateway");
        assertThat(timersOf(engine.getManagementService(), "WindowClosesTimer"))
                .singleElement().extracting(job -> job.getDuedate()).isEqualTo(extendedTo);

        moveClockTo(CLOSES_AT);
        assertThat(fireDueTimers(engine.getManagementService(), "WindowClosesTimer"))
                .as("the original closing date no longer closes the window").isZero();
        assertThat(closeWindow.calls()).isEmpty();

        moveClockTo(extendedTo);
        assertThat(fireDueTimers(engine.getManagementService(), "WindowClosesTimer")).isEqualTo(1);

        assertThat(closeWindow.calls()).hasSize(1);
        assertThat(openWindow.calls()).as("extending does not reopen the window").hasSize(1);
        assertThat(consultation).isWaitingAt("RespondToInputs");
    }

    private ProcessInstance openedConsultation() {
        ProcessInstance consultation = startConsultation();
        moveClockTo(OPENS_AT);
        fireDueTimers(engine.getManagementService(), "WindowOpensTimer");
        assertThat(openWindow.calls()).hasSize(1);
        return consultation;
    }

    /** Issue 14.2: recording the responses has a due date, a reminder and a weekly escalation until it is done. */
    @Test
    void respondingToTheInputsIsDueRemindedAndEscalatedEveryWeekUntilDone() {
        ProcessInstance consultation = engine.getRuntimeService().createProcessInstanceByKey("stakeholder-consultation")
                .businessKey(BUSINESS_KEY).setVariables(Map.of("countryIso3", "KEN", "cycleId", 7L,
                        "coordinatorGroup", "coordinator-KEN", "consultationOpensAt", OPENS_AT,
                        "consultationClosesAt", CLOSES_AT))
                .startBeforeActivity("RespondToInputs").execute();

        WaitingTaskPath.walk(engine, consultation.getId(), "RespondToInputs", "InputResponses", day(14), waitingTasks,
                Map.of("reviseDraft", false));
        assertThat(consultation).isEnded();
    }

    private ProcessInstance startConsultation() {
        return engine.getRuntimeService().startProcessInstanceByKey("stakeholder-consultation", BUSINESS_KEY,
                Map.of("countryIso3", "KEN", "cycleId", 7L, "coordinatorGroup", "coordinator-KEN",
                        "consultationOpensAt", OPENS_AT, "consultationClosesAt", CLOSES_AT));
    }
}
