package org.gcmreview.tasks;

import java.util.Map;

import org.gcmreview.identity.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits a task form in one transaction: the form's domain writes, the audit entry and the Camunda task
 * completion commit together or not at all (Camunda joins Spring's transaction on the same DataSource).
 */
@Service
class TaskWork {

    private final TaskAccess access;
    private final TaskForms forms;

    TaskWork(TaskAccess access, TaskForms forms) {
        this.access = access;
        this.forms = forms;
    }

    @Transactional
    public TaskOutcome submit(String taskId, CurrentUser user, TaskSubmission submission) {
        UserTask task = access.find(taskId, user);
        if (task.assignee() != null && !task.assignee().equals(user.username())) {
            throw new TaskConflictException("This task is claimed by " + task.assignee()
                    + ". Nothing was changed; ask them to release it, or wait for them to finish.");
        }
        TaskForm form = formFor(task);
        TaskOutcome outcome = form.submit(task, user, submission);
        if (outcome instanceof TaskOutcome.Complete complete) {
            access.complete(task, user, complete.variables() == null ? Map.of() : complete.variables());
        }
        return outcome;
    }

    TaskForm formFor(UserTask task) {
        return forms.forKey(task.formKey())
                .orElseThrow(() -> new IllegalStateException("No form for task form key " + task.formKey()));
    }
}
