package org.gcmreview.reliability.authorization;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the authorization rules made of a request, read from the response. The matrix is about who gets through,
 * not about the request's content: a form refused as invalid (400) or a conflict (409) got through.
 */
enum Access {
    /** Passed every check: any answer other than the four below. */
    ALLOWED,
    /** 403. */
    FORBIDDEN,
    /** Sent to the login page first (a page asked for without signing in). */
    SIGN_IN,
    /** 401: asked to authenticate, for clients that are not browsers (the secretariats' JSON API). */
    UNAUTHORIZED,
    /** 404: for things whose existence is itself not the caller's business. */
    NOT_FOUND,
    /** Sent to the page saying the account waits for approval (a pending single sign-on account). */
    AWAITING_APPROVAL;

    static Access of(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        if (status == 401) {
            return UNAUTHORIZED;
        }
        if (status / 100 == 3 && location != null && location.matches(".*/login(\\?.*)?$")) {
            return SIGN_IN;
        }
        if (status / 100 == 3 && location != null && location.endsWith("/account/pending")) {
            return AWAITING_APPROVAL;
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
