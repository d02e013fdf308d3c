package org.gcmreview.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone else completed or claimed the task first; the user's change was not applied. */
@ResponseStatus(HttpStatus.CONFLICT)
public class TaskConflictException extends RuntimeException {

    public TaskConflictException(String taskId, Throwable cause) {
        super("This task was completed or claimed by someone else a moment ago. Nothing was changed; "
                + "please check your task list.", cause);
    }

    public TaskConflictException(String message) {
        super(message);
    }
}
