package org.gcmreview.report.history;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** An unknown section, contribution or revision is a plain "not found" page. */
@ControllerAdvice(assignableTypes = HistoryController.class)
class HistoryErrors {

    @ExceptionHandler(RevisionNotFoundException.class)
    String notFound(RevisionNotFoundException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("userMessage", e.getMessage());
        return "error";
    }
}
