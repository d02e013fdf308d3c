package org.gcmreview.reliability.authorization;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the authorization rules made of a request, read from the response. The matrix is about who gets through,
 * not about the request's content: a form refused as invalid (400) or a conflict (409) got through.
 */
enum Access {
    /** Passed every check: any answer other than the three below. */
    ALLOWED,
    /** 403. */
    FORBIDDEN,
    /** Sent to sign in first (302 to the login page, or 401). */
    SIGN_IN,
    /** 404: for things whose existence is itself not the caller's business. */
    NOT_FOUND;

    static Access of(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        if (status == 401 || status / 100 == 3 && location != null && location.matches(".*/login(\\?.*)?$")) {
            return SIGN_IN;
        }
        if (status == 403) {
            return FORBIDDEN;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        return ALLOWED;
    }
}
