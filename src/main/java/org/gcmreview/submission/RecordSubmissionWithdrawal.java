package org.gcmreview.submission;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.processes.RegionalReview;
import org.springframework.stereotype.Component;

/**
 * regional-review and imrf-review, RecordWithdrawal: the country withdrew the report while the secretariat had
 * it; the review scope has ended its task and timers, and the submission shows as WITHDRAWN (counted apart, not
 * waiting). Idempotent: the national side may have marked it already.
 */
@Component("recordSubmissionWithdrawal")
class RecordSubmissionWithdrawal implements JavaDelegate {

    private final Submissions submissions;
    private final LateReviews lateReviews;
    private final AuditLog audit;

    RecordSubmissionWithdrawal(Submissions submissions, LateReviews lateReviews, AuditLog audit) {
        this.submissions = submissions;
        this.lateReviews = lateReviews;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long submissionId = ProcessVariables.id(execution, RegionalReview.VAR_SUBMISSION_ID);
        Submission submission = submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("No submission " + submissionId));
        if (submission.status().open()) {
            submissions.updateStatus(submissionId, SubmissionStatus.WITHDRAWN);
        }
        audit.record(AuditEntry.of("system", "SUBMISSION_REVIEW_ENDED_WITHDRAWN", submission.countryIso3(),
                "submission", submissionId, "version " + submission.versionNo() + " in " + submission.roundCode()));
        lateReviews.settle(submission.roundId());
    }
}
