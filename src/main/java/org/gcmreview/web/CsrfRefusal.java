package org.gcmreview.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form without a valid CSRF token (a page left open past its session, a form posted from another site) is
 * refused with 403 like any refusal, but with a page that says what happened and what to do: the usual 403 page
 * ("it belongs to another country") would be wrong and unhelpful there. Every other refusal is left to the
 * default handler and the application's 403 page.
 */
final class CsrfRefusal implements AccessDeniedHandler {

    private final MessageSource messages;
    private final AccessDeniedHandler others = new AccessDeniedHandlerImpl();

    CsrfRefusal(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        // a body the container could not parse (a file over the upload limit) has no readable token either: the
        // error page, reached through the container's error dispatch, says what really went wrong (413)
        if (!(denied instanceof CsrfException) || response.isCommitted()
                || request.getAttribute(FormRequestGuard.PARAMETER_PARSE_FAILED) != null) {
            others.handle(request, response, denied);
            return;
        }
        RefusalPage.write(request, response, messages, HttpServletResponse.SC_FORBIDDEN, "web.refused.csrf");
    }
}
