package org.gcmreview.tasks;

import java.util.Optional;

import org.gcmreview.identity.CurrentUser;
import org.springframework.ui.Model;

/**
 * The Spring side of one kind of BPMN user task: which form key it serves, what the page shows, and what
 * a submitted form does. Each feature contributes its own forms as beans; {@link TaskController} finds them
 * by form key, checks that the user may work on the task, and completes it.
 */
public interface TaskForm {

    /** The camunda:formKey of the user task(s) this form serves. */
    String formKey();

    /** Thymeleaf view rendering the form, e.g. {@code cycle/scope-review}. */
    String view();

    /** Adds what the page needs to the model (the task itself is already there as {@code task}). */
    void prepare(UserTask task, CurrentUser user, Model model);

    /**
     * Validates and stores the submitted form in the caller's transaction. The task is completed with the
     * returned variables when the outcome says so; when it is invalid, nothing is stored and the page is shown
     * again with the user's input and the errors.
     */
    TaskOutcome submit(UserTask task, CurrentUser user, TaskSubmission submission);

    /**
     * A button that only changes the form, such as "add an indicator row" where the page's script does not run:
     * the fields to show the form again with (what the user typed, rearranged), and the field to put the focus on.
     * Nothing is stored and the task is not touched. Empty (the default) for an ordinary submission.
     */
    default Optional<TaskOutcome.Rearranged> rearrange(TaskSubmission submission) {
        return Optional.empty();
    }
}
