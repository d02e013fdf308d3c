package org.gcmreview.attachment;

import jakarta.servlet.http.HttpServletResponse;
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

    AttachmentErrors(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @ExceptionHandler(AttachmentNotFoundException.class)
    String notFound(AttachmentNotFoundException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_NOT_FOUND, e.getMessage(), model, response);
    }

    @ExceptionHandler(AttachmentLockedException.class)
    String locked(AttachmentLockedException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_CONFLICT, e.getMessage(), model, response);
    }

    /** Reached only when a caller stored a file without catching the refusal; the form should catch it. */
    @ExceptionHandler(AttachmentRejectedException.class)
    String rejected(AttachmentRejectedException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), model, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The file you chose is too large; files can be "
                + "at most " + attachments.maxSizeLabel() + ". Nothing was saved: go back, choose a smaller file "
                + "and send the form again.", model, response);
    }

    private static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("userMessage", message);
        return "error";
    }
}
