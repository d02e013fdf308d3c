package org.gcmreview.progress;

import java.util.List;

import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.signoff.SignOffDecision;

/**
 * Where a cycle stands, for the progress page: the stage, each ministry's drafting progress, a grid of the
 * objectives in scope by implementation status (which ministry says what), the sign-off decisions and the
 * frozen versions.
 *
 * @param statusColumns the grid's columns: {@code null} for "no status yet", then the status names
 */
record CycleProgress(
        ReviewCycle cycle,
        List<MinistryProgress> ministries,
        List<String> statusColumns,
        List<ObjectiveRow> objectives,
        List<SignOffDecision> decisions,
        List<ReportVersion> versions) {

    /**
     * @param drafted objectives with a status and a narrative
     * @param submitted objectives handed to the coordinator (a ministry submits all its objectives at once)
     */
    record MinistryProgress(Ministry ministry, int drafted, int submitted, int assigned) {

        public boolean done() {
            return assigned > 0 && submitted == assigned;
        }
    }

    /**
     * One objective in scope; {@code cells} follow {@code statusColumns}, each with the contributions that give
     * that status; {@code reportStatus} is the status the consolidated report gives, if any.
     */
    record ObjectiveRow(int number, String title, List<List<Contribution>> cells, String reportStatus) {

        public int contributions() {
            return cells.stream().mapToInt(List::size).sum();
        }

        public long submitted() {
            return cells.stream().flatMap(List::stream).filter(Contribution::submitted).count();
        }
    }

    public boolean scoped() {
        return !objectives.isEmpty();
    }
}
