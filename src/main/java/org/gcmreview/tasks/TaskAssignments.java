package org.gcmreview.tasks;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Open tasks of one process instance as the steering pages need them (who they are offered to, who has them), and
 * putting a task in someone's name. Callers decide who may do this; {@link TaskAccess} stays the way people reach
 * their own tasks.
 */
@Service
public class TaskAssignments {

    /** An open task, its candidate groups and its assignee (null when nobody has it). */
    public record OpenTask(String id, String name, String formKey, String assignee, List<String> candidateGroups) {
    }

    private final TaskService taskService;

    TaskAssignments(TaskService taskService) {
        this.taskService = taskService;
    }

    /** The open tasks of the process instance and of the scopes inside it, oldest first. */
    public List<OpenTask> open(String processInstanceId, String tenantId) {
        List<OpenTask> open = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).tenantIdIn(tenantId)
                .initializeFormKeys().orderByTaskCreateTime().asc().list()) {
            List<String> groups = new ArrayList<>();
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            open.add(new OpenTask(task.getId(), task.getName(), task.getFormKey(), task.getAssignee(), groups));
        }
        return open;
    }

    /** Puts the task in this user's name (replacing whoever had it); the task-event listeners tell them. */
    public void assign(String taskId, String username) {
        taskService.setAssignee(taskId, username);
    }
}
