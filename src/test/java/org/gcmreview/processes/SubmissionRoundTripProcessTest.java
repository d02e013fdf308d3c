package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.gcmreview.processes.ProcessTestSupport.day;
import static org.gcmreview.processes.ProcessTestSupport.runAsyncContinuations;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.gcmreview.submission.RoundTaskTimers;
import org.gcmreview.cycle.NationalTaskTimers;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The messages between the processes fit together: a national report goes to the regional round, comes back
 * with a clarification request, is resubmitted, acknowledged, and reaches the IMRF edition. The delegates
 * correlate exactly as the application's beans are meant to.
 */
@Deployment(resources = {"processes/national-review.bpmn", "processes/stakeholder-consultation.bpmn",
        "processes/regional-review.bpmn", "processes/imrf-review.bpmn"})
class SubmissionRoundTripProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

    private static final String NATIONAL = "KEN-2026";
    private static final String REGIONAL_ROUND = "ECA-2026";
    private static final String IMRF_EDITION = "IMRF-2026";

    private RuntimeService runtime;
    private ManagementService management;
    private RecordingDelegate publish;

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        ProcessTestSupport.begin(engine);
        RecordingDelegate.register("sendToRegionalReview", execution -> submit(execution, "NationalReportSubmitted",
                REGIONAL_ROUND));
        RecordingDelegate.register("sendToImrf", execution -> submit(execution, "ReportSubmittedToImrf",
                IMRF_EDITION));
        RecordingDelegate.register("requestClarification", execution -> answer(execution,
                "RegionalClarificationRequested"));
        RecordingDelegate.register("acknowledgeSubmission", execution -> answer(execution,
                "RegionalReviewAcknowledged"));
        publish = RecordingDelegate.register("publishReport");
        Mocks.register("nationalTaskTimers", new NationalTaskTimers("P14D", "P3D", "P14D", "P3D", "P7D"));
        Mocks.register("roundTaskTimers", new RoundTaskTimers("P30D", "P7D", "P7D"));
        WaitingTaskPath.registerNotices();
    }

    @AfterEach
    void tearDown() {
        ProcessTestSupport.end();
    }

    @Test
    void aReportTravelsThroughTheRegionalReviewToTheImrf() {
        ProcessInstance regional = runtime.startProcessInstanceByKey("regional-review", REGIONAL_ROUND,
                Map.of("commissionCode", "ECA", "roundId", 3L, "secretariatGroup", "regional-secretariat-ECA",
                        "submissionDeadline", day(90)));
        ProcessInstance imrf = runtime.startProcessInstanceByKey("imrf-review", IMRF_EDITION,
                Map.of("roundId", 5L, "secretariatGroup", "imrf-secretariat", "submissionDeadline", day(120)));
        ProcessInstance national = runtime.createProcessInstanceByKey("national-review").businessKey(NATIONAL)
                .setVariables(Map.of("countryIso3", "KEN", "cycleId", 7L, "coordinatorGroup", "coordinator-KEN",
                        "submissionId", 41L))
                .startBeforeActivity("SubmitToRegionalReview")
                .execute();

        complete(task(national));
        runAsyncContinuations(management, "SendToRegionalReview");

        Task firstReview = task("ReviewSubmission", regional);
        assertThat(runtime.getVariables(firstReview.getExecutionId())).containsEntry("nationalBusinessKey", NATIONAL)
                .containsEntry("countryIso3", "KEN").containsEntry("submissionId", 41L);
        complete(firstReview, withVariables("clarificationNeeded", true));
        runAsyncContinuations(management, "RequestClarification");

        assertThat(national).isWaitingAt("AnswerClarification");
        // an answer that changes no section re-sends the endorsed version (a changed one goes back to sign-off)
        complete(task(national), withVariables("textChanged", false));
        runAsyncContinuations(management, "SendToRegionalReview");
        complete(task("ReviewSubmission", regional), withVariables("clarificationNeeded", false));
        runAsyncContinuations(management, "AcknowledgeSubmission");

        assertThat(national).hasPassed("RegionalReviewAcknowledged");
        runAsyncContinuations(management, "SendToImrf");
        Task registration = task("RegisterImrfSubmission", imrf);
        assertThat(runtime.getVariables(registration.getExecutionId())).containsEntry("nationalBusinessKey", NATIONAL);

        // publication is the coordinator's own step, apart from the hand-over (started here after endorsement)
        assertThat(national).isEnded().hasPassed("ReportSentToImrf");
        assertThat(publish.calls()).isEmpty();
        assertThat(regional).hasPassed("ClarificationRequested", "SubmissionAcknowledged")
                .isWaitingAt("PrepareRegionalSynthesis");
        assertThat(imrf).isWaitingAt("RegisterImrfSubmission", "CloseImrfEdition");
    }

    private static void submit(DelegateExecution national, String message, String targetBusinessKey) {
        national.getProcessEngineServices().getRuntimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(targetBusinessKey)
                .setVariablesToTriggeredScope(Map.of("nationalBusinessKey", national.getProcessBusinessKey(),
                        "submissionId", national.getVariable("submissionId"),
                        "countryIso3", national.getVariable("countryIso3")))
                .correlate();
    }

    private static void answer(DelegateExecution review, String message) {
        review.getProcessEngineServices().getRuntimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey((String) review.getVariable("nationalBusinessKey"))
                .correlate();
    }
}
