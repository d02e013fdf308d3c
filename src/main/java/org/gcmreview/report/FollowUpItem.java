package org.gcmreview.report;

import java.time.Instant;

/**
 * One commitment of the previous report's next steps, carried into this cycle (issue 16.3), and what became of it.
 *
 * @param objectiveNumber the objective the commitment names, if it names one: that objective's ministries may record
 *        its outcome too
 * @param outcome {@link FollowUpOutcome} name, or null while nobody has said
 */
public record FollowUpItem(long id, long cycleId, int position, String commitment, Integer objectiveNumber,
        String outcome, String note, int lockVersion, Instant updatedAt) {

    public boolean recorded() {
        return outcome != null;
    }

    /** Message key of the outcome, e.g. {@code followup.outcome.DONE}, or of "not yet stated". */
    public String outcomeKey() {
        return "followup.outcome." + (outcome == null ? "none" : outcome);
    }
}
