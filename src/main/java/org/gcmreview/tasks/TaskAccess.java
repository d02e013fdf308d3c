package org.gcmreview.tasks;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gcmreview.identity.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The only way the web layer reaches Camunda tasks: every lookup is filtered by the user's candidate groups
 * and, for country users, by the country (Camunda tenant), so a user never sees another country's task.
 */
@Service
public class TaskAccess {

    private final TaskService taskService;
    private final RuntimeService runtimeService;

    TaskAccess(TaskService taskService, RuntimeService runtimeService) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** Open tasks the user may claim or has claimed, soonest due first (PostgreSQL puts no due date last). */
    public List<UserTask> inbox(CurrentUser user) {
        return query(user).orderByDueDate().asc().orderByTaskCreateTime().asc().list().stream()
                .map(task -> toUserTask(task, false))
                .toList();
    }

    /** The task with this id if the user may work on it; 404 if there is none, 403 if it is not theirs. */
    public UserTask find(String taskId, CurrentUser user) {
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            throw new TaskNotFoundException(taskId);
        }
        if (!mayWorkOn(task, user)) {
            throw new AccessDeniedException("This task is not assigned to you or your group");
        }
        return toUserTask(task, true);
    }

    /** Completes the task for the user; the caller's transaction covers the form's writes and this. */
    public void complete(UserTask task, CurrentUser user, Map<String, Object> variables) {
        try {
            if (task.assignee() == null) {
                taskService.claim(task.id(), user.username());
            }
            taskService.complete(task.id(), variables);
        } catch (ProcessEngineException e) {
            // The task was completed, claimed or changed by someone else between load and submit.
            throw new TaskConflictException(task.id(), e);
        }
    }

    public void claim(String taskId, CurrentUser user) {
        UserTask task = find(taskId, user);
        try {
            taskService.claim(task.id(), user.username());
        } catch (ProcessEngineException e) {
            throw new TaskConflictException(task.id(), e);
        }
    }

    public void release(String taskId, CurrentUser user) {
        UserTask task = find(taskId, user);
        if (user.username().equals(task.assignee())) {
            taskService.setAssignee(task.id(), null);
        }
    }

    private TaskQuery query(CurrentUser user) {
        TaskQuery query = taskService.createTaskQuery()
                .initializeFormKeys()
                .or()
                .taskCandidateGroupIn(user.candidateGroups())
                .taskAssignee(user.username())
                .endOr();
        if (user.role().isCountryRole()) {
            query.tenantIdIn(user.countryIso3());
        }
        return query;
    }

    private boolean mayWorkOn(Task task, CurrentUser user) {
        if (user.role().isCountryRole() && !user.countryIso3().equals(task.getTenantId())) {
            return false;
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            // claimed by a colleague: still visible to the group, but they must release it first
            return candidateGroups(task).stream().anyMatch(user.candidateGroups()::contains);
        }
        return user.username().equals(task.getAssignee())
                || candidateGroups(task).stream().anyMatch(user.candidateGroups()::contains);
    }

    private Set<String> candidateGroups(Task task) {
        Set<String> groups = new HashSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private UserTask toUserTask(Task task, boolean withVariables) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return new UserTask(
                task.getId(),
                task.getName(),
                task.getFormKey(),
                processDefinitionKey(task.getProcessDefinitionId()),
                task.getProcessInstanceId(),
                instance == null ? null : instance.getBusinessKey(),
                task.getTenantId(),
                task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                withVariables ? taskService.getVariables(task.getId()) : Map.of());
    }

    /** Process definition ids look like {@code key:version:id}. */
    private static String processDefinitionKey(String processDefinitionId) {
        int colon = processDefinitionId.indexOf(':');
        return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
    }
}
