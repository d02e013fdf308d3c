package org.gcmreview.report;

/**
 * A user's edit of one versioned text (a contribution or a report section).
 *
 * @param baseVersion the lock_version the user's form was loaded with
 * @param status implementation status name, or null for none
 */
public record TextEdit(long id, String body, String status, int baseVersion) {

    /** Browsers send CRLF from text areas; store one form so that unchanged text compares equal. */
    public static String normalise(String body) {
        return body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }
}
