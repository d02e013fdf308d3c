package org.gcmreview.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else completed or claimed the task first; the user's change was not applied. */
@ResponseStatus(HttpStatus.CONFLICT)
public class TaskConflictException extends RuntimeException {

    private final String assignee;

    public TaskConflictException(String taskId, Throwable cause) {
        super("This task was completed or claimed by someone else a moment ago. Nothing was changed; "
                + "please check your task list.", cause);
        this.assignee = null;
    }

    /** The task is claimed by another user; the page names them (message tasks.error.claimedByOther). */
    static TaskConflictException claimedBy(String assignee) {
        return new TaskConflictException("This task is claimed by " + assignee
                + ". Nothing was changed; ask them to release it, or wait for them to finish.", assignee);
    }

    private TaskConflictException(String message, String assignee) {
        super(message);
        this.assignee = assignee;
    }

    /** Who holds the task, when that is the conflict; null otherwise. */
    public String assignee() {
        return assignee;
    }

    public TaskConflictException(String message) {
        super(message);
        this.assignee = null;
    }
}
