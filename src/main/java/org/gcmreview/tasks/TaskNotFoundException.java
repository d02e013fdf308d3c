package org.gcmreview.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No open task with this id: it never existed or was completed meanwhile. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TaskNotFoundException extends RuntimeException {

    private final String taskId;

    public TaskNotFoundException(String taskId) {
        super("There is no open task " + taskId + ". It may have been completed already.");
        this.taskId = taskId;
    }

    public String taskId() {
        return taskId;
    }
}
