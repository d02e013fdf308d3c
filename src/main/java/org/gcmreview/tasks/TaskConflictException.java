package org.gcmreview.tasks;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Someone else completed, claimed or changed the task first; the user's change was not applied (its transaction
 * rolled back). The user is told which of these happened, in their language: the exception is resolved as a
 * message ({@code tasks.conflict.*}) rather than shown as it is.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class TaskConflictException extends RuntimeException implements MessageSourceResolvable {

    private final String code;
    private final Object[] arguments;
    private final String titleCode;

    private TaskConflictException(String code, String titleCode, Throwable cause, Object... arguments) {
        super(code, cause);
        this.code = code;
        this.titleCode = titleCode;
        this.arguments = arguments;
    }

    /** Another user completed the task before this request could. */
    static TaskConflictException completedByOther() {
        return new TaskConflictException("tasks.conflict.completedByOther", null, null);
    }

    /** The same user completed it already, e.g. from another tab or by sending the form twice. */
    static TaskConflictException completedByYou() {
        return new TaskConflictException("tasks.conflict.completedByYou", "tasks.done.title", null);
    }

    /** The task ended without being completed: the process moved on (or was stopped) without it. */
    static TaskConflictException closed() {
        return new TaskConflictException("tasks.conflict.closed", "tasks.done.title", null);
    }

    /**
     * The task was opened (GET) after it ended: nothing was sent, so the page only says that it is finished, by
     * whom, and where to go on.
     */
    static TaskConflictException finished(boolean completed, boolean byYou) {
        String code = !completed ? "tasks.finished.closed" : byYou ? "tasks.finished.byYou" : "tasks.finished.byOther";
        return new TaskConflictException(code, "tasks.done.title", null);
    }

    static TaskConflictException claimedBy(String assignee) {
        return new TaskConflictException("tasks.conflict.claimedBy", null, null, assignee);
    }

    /** The engine or the database refused a concurrent change we could not tell apart any further. */
    static TaskConflictException changed(Throwable cause) {
        return new TaskConflictException("tasks.conflict.changed", null, cause);
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }

    @Override
    public String getDefaultMessage() {
        return "This task was completed, claimed or changed by someone else a moment ago. Nothing was saved.";
    }

    /** A heading for the error page when "someone else was quicker" would be wrong; null for that default. */
    public String titleCode() {
        return titleCode;
    }
}
