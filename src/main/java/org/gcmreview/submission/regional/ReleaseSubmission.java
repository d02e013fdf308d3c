package org.gcmreview.submission.regional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.submission.ImrfWaitingList;
import org.gcmreview.submission.LateReviews;
import org.gcmreview.submission.ProcessVariables;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/**
 * regional-review and imrf-review, ReleaseSubmission: the secretariat closed the round and released this
 * submission instead of accepting it late. The submission is RELEASED and the cycle leaves the round.
 * Regional: the national process hears it as a request for clarification, so the coordinator gets a task to act
 * on (answering sends the report to the commission's open round, or waits for one). IMRF: the report waits for
 * the next edition.
 */
@Component("releaseSubmission")
class ReleaseSubmission implements JavaDelegate {

    private final Submissions submissions;
    private final ReviewCycles cycles;
    private final NationalReviewMessages national;
    private final ImrfWaitingList imrfWaiting;
    private final LateReviews lateReviews;
    private final AuditLog audit;

    ReleaseSubmission(Submissions submissions, ReviewCycles cycles, NationalReviewMessages national,
            ImrfWaitingList imrfWaiting, LateReviews lateReviews, AuditLog audit) {
        this.submissions = submissions;
        this.cycles = cycles;
        this.national = national;
        this.imrfWaiting = imrfWaiting;
        this.lateReviews = lateReviews;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long submissionId = ProcessVariables.id(execution, RegionalReview.VAR_SUBMISSION_ID);
        Submission submission = submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("No submission " + submissionId));
        if (!submission.status().open()) {
            // withdrawn or superseded meanwhile: nothing is left to release
            return;
        }
        submissions.updateStatus(submissionId, SubmissionStatus.RELEASED);
        if (submission.kind() == RoundKind.REGIONAL) {
            cycles.releaseRegionalRound(submission.cycleId());
            cycles.updateStatus(submission.cycleId(), CycleStatus.CLARIFICATION_REQUESTED);
            national.send(NationalReview.MESSAGE_CLARIFICATION_REQUESTED,
                    ProcessVariables.text(execution, RegionalReview.VAR_NATIONAL_BUSINESS_KEY));
        } else {
            cycles.releaseImrfEdition(submission.cycleId());
            imrfWaiting.add(submission.cycleId());
        }
        audit.record(AuditEntry.of("system", "SUBMISSION_RELEASED", submission.countryIso3(), "submission",
                submissionId, "version " + submission.versionNo() + " released from " + submission.roundCode()));
        lateReviews.settle(submission.roundId());
    }
}
