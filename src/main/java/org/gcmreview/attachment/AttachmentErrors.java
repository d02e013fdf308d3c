package org.gcmreview.attachment;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Attachment problems as pages that say what happened. Ordered first so that an upload refused by the servlet
 * container for its size gets this page rather than a generic problem document.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentErrors {

    private final AttachmentService attachments;
    private final MessageSource messages;

    AttachmentErrors(AttachmentService attachments, MessageSource messages) {
        this.attachments = attachments;
        this.messages = messages;
    }

    @ExceptionHandler(AttachmentNotFoundException.class)
    String notFound(AttachmentNotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_NOT_FOUND, text("attachment.error.notFound", e), model, response);
    }

    @ExceptionHandler(AttachmentLockedException.class)
    String locked(AttachmentLockedException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_CONFLICT, text("attachment.error.locked", e), model, response);
    }

    /** Reached only when a caller stored a file without catching the refusal; the form should catch it. */
    @ExceptionHandler(AttachmentRejectedException.class)
    String rejected(AttachmentRejectedException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_BAD_REQUEST, e.in(messages, LocaleContextHolder.getLocale()).getMessage(),
                model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, messages.getMessage(
                "attachment.error.tooLargeUpload", new Object[] {attachments.maxSizeLabel()},
                LocaleContextHolder.getLocale()), model, response);
    }

    /** The exception's English text is the fallback, e.g. for a language without the key. */
    private String text(String code, RuntimeException e) {
        return messages.getMessage(code, null, e.getMessage(), LocaleContextHolder.getLocale());
    }

    private static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("userMessage", message);
        return "error";
    }
}
