package org.gcmreview.report.comments;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A cycle, section, contribution or comment that is not the user's team's is a plain "not found" page. */
@ControllerAdvice(assignableTypes = CommentController.class)
class CommentErrors {

    @ExceptionHandler(CommentNotFoundException.class)
    String notFound(CommentNotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("userMessage", e.getMessage());
        return "error";
    }
}
