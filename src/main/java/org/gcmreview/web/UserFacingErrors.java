package org.gcmreview.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.tasks.TaskConflictException;
import org.gcmreview.tasks.TaskNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors a user can act on get a page that says what happened in their words and language; nothing from the
 * engine (class names, SQL, stack traces) ever reaches the page.
 */
@ControllerAdvice
class UserFacingErrors {

    private final MessageSource messages;

    UserFacingErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TaskConflictException.class)
    String conflict(TaskConflictException e, Locale locale, Model model, HttpServletResponse response) {
        if (e.titleCode() != null) {
            model.addAttribute("userTitle", messages.getMessage(e.titleCode(), null, locale));
        }
        return page(HttpServletResponse.SC_CONFLICT, messages.getMessage(e, locale), model, response);
    }

    @ExceptionHandler(TaskNotFoundException.class)
    String notFound(TaskNotFoundException e, Locale locale, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_NOT_FOUND, messages.getMessage(e, locale), model, response);
    }

    private static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("userMessage", message);
        return "error";
    }
}
