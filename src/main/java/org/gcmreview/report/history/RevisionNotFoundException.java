package org.gcmreview.report.history;

/** The section, contribution or revision is not part of this cycle (or does not exist at all). */
class RevisionNotFoundException extends RuntimeException {

    public RevisionNotFoundException(String message) {
        super(message);
    }
}
