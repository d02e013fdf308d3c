package org.gcmreview.report.comments;

/**
 * The cycle, section, contribution or comment is not one this user's team works on: another country's users get
 * "not found", so that ids cannot be probed.
 */
class CommentNotFoundException extends RuntimeException {

    CommentNotFoundException(String message) {
        super(message);
    }
}
