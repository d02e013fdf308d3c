package org.gcmreview.web;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.tasks.TaskConflictException;
import org.gcmreview.tasks.TaskNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors a user can act on get a page that says what happened in their words; nothing from the engine
 * (class names, SQL, stack traces) ever reaches the page.
 */
@ControllerAdvice
class UserFacingErrors {

    private final MessageSource messages;

    UserFacingErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TaskConflictException.class)
    String conflict(TaskConflictException e, Model model, HttpServletResponse response) {
        String text = e.assignee() != null ? text("tasks.error.claimedByOther", e.assignee())
                : text("tasks.error.conflict");
        return page(HttpServletResponse.SC_CONFLICT, text, model, response);
    }

    @ExceptionHandler(TaskNotFoundException.class)
    String notFound(TaskNotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_NOT_FOUND, text("tasks.error.notFound", e.taskId()), model, response);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("userMessage", message);
        return "error";
    }
}
