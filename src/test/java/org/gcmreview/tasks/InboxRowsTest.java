package org.gcmreview.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox reads its rows' variables for all tasks at once ({@link InboxRows}); each row must show what the
 * engine shows for that task alone. Two instances of a process whose tasks sit at different depths of the
 * execution tree, with variables of the same names on the process instance, a sub-process and a task, in a
 * country of their own so that no other test's task is listed.
 */
@ApplicationTest
class InboxRowsTest {

    static final String COUNTRY = "ISL";

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    TaskAccess access;

    String deploymentId;

    /**
     * A parallel split (concurrent executions under the process instance): one branch's task is inside a
     * sub-process that sets its own national review key, the other's task is directly on its branch.
     */
    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("test-inbox-scopes").camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("split")
                .subProcess("review").camundaInputParameter("nationalBusinessKey", "SUB-${suffix}")
                .embeddedSubProcess().startEvent()
                .userTask("insideSubProcess").name("Inside").camundaCandidateGroups("${group}")
                .endEvent().subProcessDone()
                .endEvent()
                .moveToNode("split")
                .userTask("onBranch").name("On branch").camundaCandidateGroups("${group}")
                .endEvent()
                .done();
        deploymentId = engine.getRepositoryService().createDeployment()
                .addModelInstance("test-inbox-scopes.bpmn", model).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void eachRowShowsTheVariablesTheEngineShowsForItsTask() {
        CurrentUser coordinator = users.coordinator(COUNTRY);
        Date first = new Date(1_800_000_000_000L);
        Date second = new Date(1_810_000_000_000L);
        Date own = new Date(1_820_000_000_000L);
        ProcessInstance one = start("ISL-ONE", "one", first);
        ProcessInstance two = start("ISL-TWO", "two", second);
        Task oneOnBranch = task(one, "onBranch");
        Task twoInside = task(two, "insideSubProcess");
        // a task's own variables hide the process's: a deadline of its own, and a country held as null
        taskService.setVariableLocal(oneOnBranch.getId(), "submissionDeadline", own);
        taskService.setVariableLocal(twoInside.getId(), "countryIso3", null);

        List<UserTask> inbox = access.inbox(coordinator);

        assertThat(inbox).extracting(UserTask::processInstanceId).containsOnly(one.getId(), two.getId());
        assertThat(inbox).hasSize(4);
        for (UserTask row : inbox) {
            assertThat(new HashMap<>(row.variables())).as(row.name() + " of " + row.businessKey())
                    .isEqualTo(new HashMap<>(taskService.getVariables(row.id(), TaskAccess.INBOX_VARIABLES)));
        }
        UserTask oneInside = row(inbox, one, "Inside");
        assertThat(oneInside.businessKey()).isEqualTo("ISL-ONE");
        assertThat(oneInside.reviewKey()).isEqualTo("SUB-one");
        assertThat(oneInside.reportCountry()).isEqualTo("PROC-one");
        assertThat(oneInside.roundDeadline()).isEqualTo(first.toInstant());
        UserTask oneBranch = row(inbox, one, "On branch");
        assertThat(oneBranch.reviewKey()).isEqualTo("PROC-KEY-one");
        assertThat(oneBranch.roundDeadline()).isEqualTo(own.toInstant());
        UserTask twoSub = row(inbox, two, "Inside");
        assertThat(twoSub.reviewKey()).isEqualTo("SUB-two");
        assertThat(twoSub.variables()).containsEntry("countryIso3", null);
        assertThat(twoSub.reportCountry()).isEqualTo(COUNTRY);
        assertThat(twoSub.roundDeadline()).isEqualTo(second.toInstant());
        assertThat(row(inbox, two, "On branch").businessKey()).isEqualTo("ISL-TWO");
    }

    @Test
    void anEmptyInboxIsEmpty() {
        assertThat(access.inbox(users.coordinator("ISR"))).isEmpty();
    }

    private ProcessInstance start(String businessKey, String suffix, Date deadline) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("group", CandidateGroups.coordinator(COUNTRY));
        variables.put("suffix", suffix);
        variables.put("countryIso3", "PROC-" + suffix);
        variables.put("nationalBusinessKey", "PROC-KEY-" + suffix);
        variables.put("submissionDeadline", deadline);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey("test-inbox-scopes")
                .businessKey(businessKey).setVariables(variables).processDefinitionWithoutTenantId().execute();
        // the real processes get their tenant from a TenantIdProvider; here it is set directly
        jdbc.sql("update act_ru_task set tenant_id_ = ? where proc_inst_id_ = ?").params(COUNTRY, instance.getId())
                .update();
        return instance;
    }

    private Task task(ProcessInstance instance, String activityId) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId)
                .singleResult();
    }

    private static UserTask row(List<UserTask> inbox, ProcessInstance instance, String name) {
        return inbox.stream().filter(row -> row.processInstanceId().equals(instance.getId()))
                .filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }
}
