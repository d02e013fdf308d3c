package org.gcmreview.processes;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.gcmreview.submission.RoundTaskTimers;

/**
 * The delegates the two round models (regional review, IMRF edition) share, recording: the secretariat's
 * reminder and escalation on a submission's task, a withdrawn submission, a submission released at closing.
 */
record RoundDelegates(RecordingDelegate reminder, RecordingDelegate escalation, RecordingDelegate withdrawal,
        RecordingDelegate release) {

    /** Registers them, with the round task timers' defaults (due in 30 days, reminded 7 days
     * before, escalated every week). */
    static RoundDelegates register() {
        Mocks.register("roundTaskTimers", new RoundTaskTimers("P30D", "P7D", "P7D"));
        return new RoundDelegates(RecordingDelegate.register("remindSecretariat"),
                RecordingDelegate.register("escalateOverdueRoundTask"),
                RecordingDelegate.register("recordSubmissionWithdrawal"),
                RecordingDelegate.register("releaseSubmission"));
    }
}
