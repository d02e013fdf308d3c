package org.gcmreview.submission.regional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;

import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.notices.GroupNotices;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.submission.ProcessVariables;
import org.gcmreview.submission.Submission;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.springframework.stereotype.Component;

/**
 * What RequestClarification and AcknowledgeSubmission share: settle the submission the secretariat decided on
 * (its message was stored by the review form), move the cycle on and tell the national process.
 */
@Component
class RegionalAnswer {

    private final Submissions submissions;
    private final ReviewCycles cycles;
    private final NationalReviewMessages messages;
    private final AuditLog audit;
    private final GroupNotices notices;
    private final Ministries ministries;

    RegionalAnswer(Submissions submissions, ReviewCycles cycles, NationalReviewMessages messages, AuditLog audit,
            GroupNotices notices, Ministries ministries) {
        this.notices = notices;
        this.ministries = ministries;
        this.submissions = submissions;
        this.cycles = cycles;
        this.messages = messages;
        this.audit = audit;
    }

    void deliver(DelegateExecution execution, SubmissionStatus status, CycleStatus cycleStatus, String messageName,
            String auditAction) {
        long submissionId = ProcessVariables.id(execution, RegionalReview.VAR_SUBMISSION_ID);
        String nationalBusinessKey = ProcessVariables.text(execution, RegionalReview.VAR_NATIONAL_BUSINESS_KEY);
        Submission submission = submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("No submission " + submissionId));
        submissions.updateStatus(submissionId, status);
        cycles.updateStatus(submission.cycleId(), cycleStatus);
        // a question carries the date its answer is due (ReviewSubmissionForm); the national process sets its
        // answer task's due date, reminder and escalations from it
        Object answerBy = status == SubmissionStatus.CLARIFICATION_REQUESTED
                ? execution.getVariable(org.gcmreview.processes.NationalReview.VAR_CLARIFICATION_ANSWER_BY) : null;
        messages.send(messageName, nationalBusinessKey, answerBy);
        audit.record(AuditEntry.of("system", auditAction, submission.countryIso3(), "submission", submissionId,
                "version " + submission.versionNo() + " in " + submission.roundCode()));
        tell(submission, status, nationalBusinessKey);
    }

    /**
     * Issue 18.4: a clarification request goes to the country's coordinator, who answers it; an acknowledgement
     * (a decision on the report) to the coordinator and the cycle's ministries.
     */
    private void tell(Submission submission, SubmissionStatus status, String businessKey) {
        boolean clarification = status == SubmissionStatus.CLARIFICATION_REQUESTED;
        List<String> groups = new ArrayList<>(List.of(CandidateGroups.coordinator(submission.countryIso3())));
        if (!clarification) {
            ministries.findInCycle(submission.cycleId()).stream().map(Ministry::group).forEach(groups::add);
        }
        notices.toGroups(clarification ? NoticeKind.CLARIFICATION : NoticeKind.DECISION, groups,
                new NoticeText(clarification ? "notices.text.CLARIFICATION" : "notices.text.DECISION.acknowledged",
                        List.of(submission.roundCode(), businessKey), "/cycles/" + submission.cycleId(), businessKey),
                null);
    }
}
