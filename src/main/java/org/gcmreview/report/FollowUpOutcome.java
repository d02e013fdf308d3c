package org.gcmreview.report;

/** What became of a follow-up item (issue 16.3). */
public enum FollowUpOutcome {
    DONE, IN_PROGRESS, DROPPED
}
