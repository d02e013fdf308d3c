package org.gcmreview.tasks;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process of one user task with a form key of the test's own, deployed for one test and removed after it: the
 * task form entry point without the real processes. Each task is offered to the candidate group it is started
 * with and lands in a country's tenant.
 */
public final class OneTaskProcess {

    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    private final String key;
    private final String deploymentId;

    private OneTaskProcess(ProcessEngine engine, JdbcClient jdbc, String key, String deploymentId) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.key = key;
        this.deploymentId = deploymentId;
    }

    /** Deploys the process {@code key} whose one task ({@code taskId}, named {@code taskName}) shows the form. */
    public static OneTaskProcess deploy(ProcessEngine engine, JdbcClient jdbc, String key, String taskId,
            String taskName, String formKey) {
        String deploymentId = engine.getRepositoryService().createDeployment()
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask(taskId).name(taskName).camundaFormKey(formKey)
                        .camundaCandidateGroups("${group}")
                        .endEvent().done())
                .deploy().getId();
        return new OneTaskProcess(engine, jdbc, key, deploymentId);
    }

    /** Starts an instance and returns its task, offered to the group, in the country's tenant. */
    public Task start(String businessKey, String iso3, String candidateGroup, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("group", candidateGroup);
        var instance = engine.getRuntimeService().createProcessInstanceByKey(key).businessKey(businessKey)
                .setVariables(all).processDefinitionWithoutTenantId().execute();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        // the real processes get their tenant from a TenantIdProvider; here it is set directly
        jdbc.sql("update act_ru_task set tenant_id_ = ? where id_ = ?").params(iso3, task.getId()).update();
        jdbc.sql("update act_hi_taskinst set tenant_id_ = ? where id_ = ?").params(iso3, task.getId()).update();
        return task;
    }

    /** Whether the task is still open (not completed). */
    public boolean isOpen(Task task) {
        return engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1;
    }

    /** Removes the process with its instances and history. */
    public void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
}
