package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.gcmreview.processes.ProcessTestSupport.day;
import static org.gcmreview.processes.ProcessTestSupport.fireDueTimers;
import static org.gcmreview.processes.ProcessTestSupport.moveClockTo;
import static org.gcmreview.processes.ProcessTestSupport.runAsyncContinuations;
import static org.gcmreview.processes.ProcessTestSupport.timersOf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.gcmreview.cycle.NationalTaskTimers;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.gcmreview.cycle.ConsultationPlan;
import org.gcmreview.cycle.EscalationCycles;
import org.gcmreview.engine.ProcessMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14.7: running national reviews move from one version of national-review.bpmn to the next with
 * ProcessMigration (Camunda's migration API). Version 1 is the file as shipped; version 2 a changed copy (every
 * user task renamed, the process documented differently). One instance waits at each user task, at the drafting
 * timers and at the regional answer's message events; after the migration each is on version 2, still waits where it
 * was, and goes on from there.
 */
class NationalReviewMigrationTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessTestEngine.extension();

    private static final String INTERIOR = "ministry-KEN-INTERIOR";

    /** Where an instance is started to wait at each user task: a task inside a multi-instance sub-process starts at its multi-instance body. */
    private static final Map<String, String> START_BEFORE = new LinkedHashMap<>();

    static {
        START_BEFORE.put("ScopeReview", "ScopeReview");
        START_BEFORE.put("DraftContribution", "NationalDrafting#multiInstanceBody");
        START_BEFORE.put("ConsolidateReport", "ConsolidateReport");
        START_BEFORE.put("ReplanConsultation", "ReplanConsultation");
        START_BEFORE.put("ReviseDraftAfterConsultation", "ReviseDraftAfterConsultation");
        START_BEFORE.put("SignOffReport", "InterMinisterialSignOff#multiInstanceBody");
        START_BEFORE.put("ReviseRequestedSections", "ReviseRequestedSections");
        START_BEFORE.put("EndorseFinalReport", "EndorseFinalReport");
        START_BEFORE.put("SubmitToRegionalReview", "SubmitToRegionalReview");
        START_BEFORE.put("AnswerClarification", "AnswerClarification");
        START_BEFORE.put("ValidateReport", "ValidateReport");
        START_BEFORE.put("PublishEndorsedReport", "PublishEndorsedReport");
        START_BEFORE.put("ChooseRegionalRound", "ChooseRegionalRound");
        START_BEFORE.put("ChooseImrfEdition", "ChooseImrfEdition");
    }

    private ProcessEngine engine;
    private RepositoryService repository;
    private RuntimeService runtime;
    private TaskService tasks;
    private ManagementService management;
    private final List<String> deployments = new ArrayList<>();
    private RecordingDelegate reminder;
    private RecordingDelegate escalation;

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        repository = engine.getRepositoryService();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        ProcessTestSupport.begin(engine);
        reminder = RecordingDelegate.register("sendDraftingReminder");
        escalation = RecordingDelegate.register("escalateOverdueDrafting");
        for (String bean : List.of("freezeReportVersion", "sendToRegionalReview", "sendToImrf", "publishReport",
                "openConsultationWindow", "closeConsultationWindow", "withdrawReview", "tellRoundsOfWithdrawal")) {
            RecordingDelegate.register(bean);
        }
        Mocks.register("escalationCycles", new EscalationCycles(Duration.ofDays(7)));
        Mocks.register("consultationPlan", new ConsultationPlan(Duration.ofDays(14)));
        Mocks.register("nationalTaskTimers", new NationalTaskTimers("P14D", "P3D", "P14D", "P3D", "P7D"));
        WaitingTaskPath.registerNotices();
    }

    @AfterEach
    void tearDown() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
        ProcessTestSupport.end();
    }

    @Test
    void instancesWaitingAtEveryUserTaskTimerAndMessageMoveToTheNextVersionAndGoOn() throws IOException {
        String v1Xml = resource("processes/national-review.bpmn");
        deploy("v1", v1Xml, resource("processes/stakeholder-consultation.bpmn"));
        ProcessDefinition v1 = latest();
        assertThat(START_BEFORE.keySet()).as("every user task of the national process is tested")
                .containsExactlyInAnyOrderElementsOf(userTasks(v1));

        Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
        START_BEFORE.forEach((task, startBefore) -> waiting.put(task, startBefore(v1, startBefore)));
        ProcessInstance answer = startBefore(v1, "RegionalAnswerGateway");
        assertThat(timersOf(management, "DraftingReminderTimer")).hasSize(1);

        deploy("v2", version2(v1Xml), null);
        ProcessDefinition v2 = latest();
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
        // deploying v2 changes no running instance
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count())
                .isEqualTo(START_BEFORE.size() + 1);

        List<ProcessMigration.Migrated> migrated = new ProcessMigration(repository, runtime)
                .migrateToLatest("national-review");

        assertThat(migrated).singleElement().satisfies(m -> {
            assertThat(m.fromDefinitionId()).isEqualTo(v1.getId());
            assertThat(m.toDefinitionId()).isEqualTo(v2.getId());
            assertThat(m.instances()).isEqualTo(START_BEFORE.size() + 1);
        });
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
        waiting.forEach((taskKey, instance) -> {
            assertThat(instance).isWaitingAt(taskKey);
            Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                    .singleResult();
            assertThat(task.getProcessDefinitionId()).as(taskKey).isEqualTo(v2.getId());
        });
        assertThat(management.createJobQuery().timers().activityId("DraftingReminderTimer").singleResult()
                .getProcessDefinitionId()).isEqualTo(v2.getId());

        // the timers fire under version 2
        ProcessInstance drafting = waiting.get("DraftContribution");
        moveClockTo(day(10));
        assertThat(fireDueTimers(management, "DraftingReminderTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "SendDraftingReminder")).isEqualTo(1);
        moveClockTo(day(14));
        assertThat(fireDueTimers(management, "DraftingOverdueTimer")).isEqualTo(1);
        assertThat(runAsyncContinuations(management, "EscalateOverdueDrafting")).isEqualTo(1);
        assertThat(reminder.onlyCall().businessKey()).isEqualTo(drafting.getBusinessKey());
        assertThat(escalation.onlyCall().businessKey()).isEqualTo(drafting.getBusinessKey());

        // the waiting message events were moved too: the acknowledgement reaches the migrated instance
        runtime.createMessageCorrelation("RegionalReviewAcknowledged").processInstanceId(answer.getId()).correlate();
        assertThat(answer).hasPassed("RegionalReviewAcknowledged").isWaitingAt("SendToImrf");

        // every migrated task completes and its instance goes on, in version 2 (the next task has v2's name)
        complete(waiting.get("ScopeReview"), "ScopeReview", scopingDecisions());
        assertThat(tasks.createTaskQuery().processInstanceId(waiting.get("ScopeReview").getId())
                .taskDefinitionKey("DraftContribution").singleResult().getName()).endsWith("(v2)");
        complete(drafting, "DraftContribution", Map.of());
        assertThat(drafting).isWaitingAt("ConsolidateReport");
        complete(waiting.get("ConsolidateReport"), "ConsolidateReport", Map.of());
        assertThat(waiting.get("ConsolidateReport")).isWaitingAt("StakeholderConsultation");
        complete(waiting.get("ReplanConsultation"), "ReplanConsultation", Map.of());
        assertThat(waiting.get("ReplanConsultation")).isWaitingAt("StakeholderConsultation");
        complete(waiting.get("ReviseDraftAfterConsultation"), "ReviseDraftAfterConsultation", Map.of());
        assertThat(waiting.get("ReviseDraftAfterConsultation")).isWaitingAt("SignOffReport");
        complete(waiting.get("SignOffReport"), "SignOffReport", Map.of());
        assertThat(waiting.get("SignOffReport")).hasPassed("SignOffReport");
        complete(waiting.get("ReviseRequestedSections"), "ReviseRequestedSections", Map.of());
        assertThat(waiting.get("ReviseRequestedSections")).isWaitingAt("SignOffReport");
        complete(waiting.get("EndorseFinalReport"), "EndorseFinalReport", Map.of());
        assertThat(waiting.get("EndorseFinalReport")).isWaitingAt("SubmitToRegionalReview", "PublishEndorsedReport");
        complete(waiting.get("SubmitToRegionalReview"), "SubmitToRegionalReview", Map.of());
        assertThat(waiting.get("SubmitToRegionalReview")).isWaitingAt("SendToRegionalReview");
        complete(waiting.get("AnswerClarification"), "AnswerClarification", Map.of("textChanged", false));
        assertThat(waiting.get("AnswerClarification")).isWaitingAt("SendToRegionalReview");
        complete(waiting.get("ValidateReport"), "ValidateReport", Map.of("governmentApproved", true));
        assertThat(waiting.get("ValidateReport")).isWaitingAt("SubmitToRegionalReview", "PublishEndorsedReport");
        complete(waiting.get("PublishEndorsedReport"), "PublishEndorsedReport", Map.of());
        assertThat(waiting.get("PublishEndorsedReport")).isWaitingAt("PublishReport");
        complete(waiting.get("ChooseRegionalRound"), "ChooseRegionalRound", Map.of("roundChoice", "wait"));
        assertThat(waiting.get("ChooseRegionalRound")).isWaitingAt("WaitForRegionalRound");
        complete(waiting.get("ChooseImrfEdition"), "ChooseImrfEdition", Map.of("roundChoice", "chosen"));
        assertThat(waiting.get("ChooseImrfEdition")).isWaitingAt("SendToImrf");
        assertThat(runtime.createIncidentQuery().count()).isZero();
    }

    @Test
    void withNothingRunningOnAnOlderVersionNothingIsMigrated() throws IOException {
        String xml = resource("processes/national-review.bpmn");
        deploy("v1", xml, resource("processes/stakeholder-consultation.bpmn"));
        deploy("v2", version2(xml), null);

        assertThat(new ProcessMigration(repository, runtime).migrateToLatest("national-review")).isEmpty();
        assertThat(new ProcessMigration(repository, runtime).migrateToLatest("no-such-process")).isEmpty();
    }

    /** The changed copy: every user task renamed, the process described anew; ids and flows as in version 1. */
    private static String version2(String v1) {
        Matcher task = Pattern.compile("(<bpmn:userTask id=\"[^\"]+\" name=\"[^\"]+)\"").matcher(v1);
        StringBuilder out = new StringBuilder();
        while (task.find()) {
            task.appendReplacement(out, Matcher.quoteReplacement(task.group(1) + " (v2)\""));
        }
        task.appendTail(out);
        return out.toString().replace("<bpmn:documentation>One instance per country",
                "<bpmn:documentation>Version 2. One instance per country");
    }

    private void deploy(String name, String nationalXml, String consultationXml) {
        var builder = repository.createDeployment().name("migration-test-" + name)
                .addString("national-review.bpmn", nationalXml);
        if (consultationXml != null) {
            builder.addString("stakeholder-consultation.bpmn", consultationXml);
        }
        deployments.add(builder.deploy().getId());
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("national-review").latestVersion()
                .singleResult();
    }

    private Set<String> userTasks(ProcessDefinition definition) {
        Set<String> ids = new TreeSet<>();
        repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                .forEach(task -> ids.add(task.getId()));
        return ids;
    }

    private ProcessInstance startBefore(ProcessDefinition definition, String activityId) {
        Map<String, Object> variables = new HashMap<>(scopingDecisions());
        variables.put("countryIso3", "KEN");
        variables.put("cycleId", 7L);
        variables.put("coordinatorGroup", "coordinator-KEN");
        variables.put("changesRequested", false);
        if (activityId.equals("ValidateReport")) {
            variables.put("governmentGroup", "government-KEN");
        }
        return runtime.createProcessInstanceById(definition.getId())
                .businessKey("KEN-M" + activityId.replace("#multiInstanceBody", ""))
                .setVariables(variables)
                .startBeforeActivity(activityId)
                .execute();
    }

    private static Map<String, Object> scopingDecisions() {
        Map<String, Object> decisions = new HashMap<>();
        decisions.put("ministryGroups", List.of(INTERIOR));
        decisions.put("draftingReminderAt", day(10));
        decisions.put("draftingDue", day(14));
        decisions.put("consultationOpensAt", day(20));
        decisions.put("consultationClosesAt", day(40));
        return decisions;
    }

    private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = NationalReviewMigrationTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
