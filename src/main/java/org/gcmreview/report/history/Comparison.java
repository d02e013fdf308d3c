package org.gcmreview.report.history;

import java.util.Objects;

/** Two revisions of one text and what changed between them. */
record Comparison(HistorySubject subject, Revision from, Revision to, TextDiff.Result diff) {

    public boolean statusChanged() {
        return !Objects.equals(from.implementationStatus(), to.implementationStatus());
    }
}
