package org.gcmreview.signoff;

/**
 * A coordinator endorsed a frozen version of the cycle's report, announced as an application event once the
 * endorsement is stored (in its transaction): what shows an endorsed report (the published page, issue 19.3) keeps
 * what it looked up for a few seconds and forgets it on this.
 */
public record ReportEndorsed(long cycleId, long reportVersionId) {
}
