package org.gcmreview.tasks;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.gcmreview.identity.CurrentUser;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submits a task form in one transaction: the form's domain writes, the audit entry and the Camunda task
 * completion commit together or not at all (Camunda joins Spring's transaction on the same DataSource).
 */
@Service
public class TaskWork {

    private final TaskAccess access;
    private final TaskForms forms;
    private final CommandExecutor engineCommands;

    TaskWork(TaskAccess access, TaskForms forms, ProcessEngine engine) {
        this.access = access;
        this.forms = forms;
        this.engineCommands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /**
     * Runs the whole submission as one Camunda command (inside the Spring transaction, which it joins). The
     * lookup, the authorisation, the variables, the claim and the completion are each a service call, and each
     * used to open its own command and read the task, its executions and its process definition again; inside one
     * command the engine's entity cache serves them once (docs/benchmarks.md: 91 statements per draft contribution
     * POST before, 67 after). What the work throws is carried out of the command and thrown here, so a refusal (403,
     * 409, invalid form) is not logged by the engine as a failed command; the transaction rolls back as before.
     */
    @Transactional
    public TaskOutcome submit(String taskId, CurrentUser user, TaskSubmission submission) {
        RuntimeException[] failure = new RuntimeException[1];
        TaskOutcome outcome;
        try {
            outcome = engineCommands.execute(commandContext -> {
                try {
                    return work(taskId, user, submission);
                } catch (RuntimeException e) {
                    failure[0] = e;
                    return null;
                }
            });
        } catch (ProcessEngineException | ConcurrencyFailureException e) {
            // the engine's writes are flushed when the command closes, so a concurrent change shows here; or the
            // database refused the transaction (deadlock, lock or serialization failure): it rolls back
            throw TaskConflictException.changed(e);
        }
        if (failure[0] instanceof ConcurrencyFailureException e) {
            throw TaskConflictException.changed(e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return outcome;
    }

    private TaskOutcome work(String taskId, CurrentUser user, TaskSubmission submission) {
        UserTask task = access.lockForWork(taskId, user);
        TaskForm form = formFor(task);
        var rearranged = form.rearrange(submission);
        if (rearranged.isPresent()) {
            return rearranged.get();
        }
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
