package org.gcmreview.cycle;

import java.util.List;

import org.gcmreview.report.Contribution;
import org.gcmreview.report.ReportVersion;

/**
 * Where a cycle stands, for the progress page: the stage, each ministry's drafting progress, and an
 * objective-by-ministry grid of the contributions.
 */
record CycleProgress(
        ReviewCycle cycle,
        List<MinistryProgress> ministries,
        List<Ministry> columns,
        List<ObjectiveRow> objectives,
        List<ReportVersion> versions) {

    record MinistryProgress(Ministry ministry, int submitted, int assigned) {

        public boolean done() {
            return assigned > 0 && submitted == assigned;
        }
    }

    /** One objective in scope; {@code cells} follow {@code columns}, null where the ministry does not draft it. */
    record ObjectiveRow(int number, String title, List<Contribution> cells) {
    }

    public boolean scoped() {
        return !objectives.isEmpty();
    }
}
