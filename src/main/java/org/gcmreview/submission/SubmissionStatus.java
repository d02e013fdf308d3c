package org.gcmreview.submission;

/** Where one submission of a frozen report version stands with its round's secretariat. */
public enum SubmissionStatus {
    /** Waiting for the secretariat's review. */
    SUBMITTED,
    /** The secretariat asked a question; the country answers with a new version. */
    CLARIFICATION_REQUESTED,
    /** Regional review: the secretariat accepted the report. */
    ACKNOWLEDGED,
    /** IMRF: the secretariat registered the report for the forum. */
    REGISTERED,
    /** Replaced by a newer version of the report. */
    SUPERSEDED,
    /** The country withdrew its review cycle while the submission was open (issue 14.5). */
    WITHDRAWN;

    /** Still in the hands of the secretariat or the country, i.e. not settled and not replaced. */
    public boolean open() {
        return this == SUBMITTED || this == CLARIFICATION_REQUESTED;
    }
}
