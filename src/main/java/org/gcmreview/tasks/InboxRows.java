package org.gcmreview.tasks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox's rows for a list of tasks, read in two statements whatever the list's length: the executions of
 * the tasks' process instances (their tree and business keys) and the few variables a row shows. Read task by
 * task, through a process instance query and {@code TaskService.getVariables}, a list cost about eight round
 * trips per task: 200 ms for a ministry's 430 prepared tasks, and every view of the IMRF secretariat, which has
 * a task per reporting country, would pay it (issue 19, docs/benchmarks.md).
 * <p>A variable is resolved as {@code TaskService.getVariables} resolves it: the task's own variables first,
 * then those of its execution and of each parent execution up to the process instance. The secretariats'
 * tasks need that: the country and national review are set on the scope of the event sub-process the national
 * review's handover triggers, not on the round's process instance.
 */
@Component
class InboxRows {

    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    InboxRows(RuntimeService runtimeService, JdbcClient jdbc) {
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
    }

    /** The tasks, in their order, each with its process instance's business key and these variables. */
    List<UserTask> of(List<Task> tasks, Collection<String> variableNames) {
        String[] instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (instanceIds.length == 0) {
            return tasks.stream().map(task -> TaskAccess.toUserTask(task, null, Map.of())).toList();
        }
        Executions executions = executions(instanceIds);
        Map<String, Map<String, Object>> byScope = variablesByScope(instanceIds, variableNames);
        List<UserTask> rows = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            Map<String, Object> visible = new LinkedHashMap<>();
            putAbsent(visible, byScope.get(task.getId()));
            for (String execution = task.getExecutionId(); execution != null; execution = executions.parent(execution)) {
                putAbsent(visible, byScope.get(execution));
            }
            rows.add(TaskAccess.toUserTask(task, executions.businessKey(task.getProcessInstanceId()), visible));
        }
        return rows;
    }

    /**
     * The nearer scope's value wins: only names not yet seen are taken from a scope further up (by key, not
     * {@code putIfAbsent}: a nearer variable that holds null hides a farther one, as in the engine).
     */
    private static void putAbsent(Map<String, Object> visible, Map<String, Object> scope) {
        if (scope != null) {
            scope.forEach((name, value) -> {
                if (!visible.containsKey(name)) {
                    visible.put(name, value);
                }
            });
        }
    }

    /**
     * Every execution of the process instances, with its parent and (the process instances') business key. Read
     * with SQL: the engine's execution query does not give an execution's parent.
     */
    private Executions executions(String[] instanceIds) {
        Map<String, String> parents = new HashMap<>();
        Map<String, String> businessKeys = new HashMap<>();
        jdbc.sql("select id_, parent_id_, business_key_ from act_ru_execution where proc_inst_id_ = any(?)")
                .param(instanceIds)
                .query(rs -> {
                    parents.put(rs.getString(1), rs.getString(2));
                    businessKeys.put(rs.getString(1), rs.getString(3));
                });
        return new Executions(parents, businessKeys);
    }

    private record Executions(Map<String, String> parents, Map<String, String> businessKeys) {

        String parent(String executionId) {
            return parents.get(executionId);
        }

        String businessKey(String processInstanceId) {
            return processInstanceId == null ? null : businessKeys.get(processInstanceId);
        }
    }

    /**
     * The variables of these names in the process instances, by the scope that holds them: a task's own
     * variables under the task's id (they carry its execution's id as well), all others under their execution's.
     */
    private Map<String, Map<String, Object>> variablesByScope(String[] instanceIds, Collection<String> names) {
        Map<String, Map<String, Object>> byScope = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds).variableNameIn(names.toArray(String[]::new)).list()) {
            String scope = variable.getTaskId() != null ? variable.getTaskId() : variable.getExecutionId();
            byScope.computeIfAbsent(scope, any -> new HashMap<>()).put(variable.getName(), variable.getValue());
        }
        return byScope;
    }
}
