package org.gcmreview.tasks;

import java.util.Map;

import org.springframework.util.MultiValueMap;

/** What a submitted task form leads to. */
public sealed interface TaskOutcome {

    /** Complete the task with these process variables; {@code message} confirms it to the user. */
    record Complete(Map<String, Object> variables, String message) implements TaskOutcome {
    }

    /** Work saved, the task stays open (e.g. "save draft"). */
    record Saved(String message) implements TaskOutcome {
    }

    /** Nothing stored: show the form again with the user's input and these errors (field name -> message). */
    record Invalid(Map<String, String> errors) implements TaskOutcome {
    }

    /**
     * Nothing stored, the task untouched: show the form again with these fields (what the user typed, rearranged,
     * e.g. with one more indicator row) and the focus on the field with id {@code focus}.
     */
    record Rearranged(MultiValueMap<String, String> values, String focus) implements TaskOutcome {
    }

    /**
     * Nothing stored, the task untouched: the final step of a form with a "check your answers" page was posted
     * without passing that page (issue 16.5); show the page, with {@code message} saying why.
     */
    record CheckFirst(String message) implements TaskOutcome {
    }

    static TaskOutcome complete(Map<String, Object> variables, String message) {
        return new Complete(variables, message);
    }

    static TaskOutcome saved(String message) {
        return new Saved(message);
    }

    static TaskOutcome invalid(Map<String, String> errors) {
        return new Invalid(errors);
    }
}
