package org.gcmreview.tasks;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No task with this id that the user may know of: it never existed, or it belongs to another country or group.
 * A task the user could have worked on that has ended meanwhile is a {@link TaskConflictException} instead.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TaskNotFoundException extends RuntimeException implements MessageSourceResolvable {

    public TaskNotFoundException(String taskId) {
        super("There is no open task " + taskId);
    }

    @Override
    public String[] getCodes() {
        return new String[] {"tasks.notFound"};
    }

    @Override
    public Object[] getArguments() {
        return null;
    }

    @Override
    public String getDefaultMessage() {
        return "There is no open task at this address.";
    }
}
