package org.gcmreview.submission.regional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.submission.SubmissionStatus;
import org.springframework.stereotype.Component;

/** regional-review, AcknowledgeSubmission: the report is accepted; the country goes on to the IMRF. */
@Component
class AcknowledgeSubmission implements JavaDelegate {

    static final String MESSAGE = NationalReview.MESSAGE_ACKNOWLEDGED;

    private final RegionalAnswer answer;

    AcknowledgeSubmission(RegionalAnswer answer) {
        this.answer = answer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        answer.deliver(execution, SubmissionStatus.ACKNOWLEDGED, CycleStatus.ACKNOWLEDGED, MESSAGE,
                "REGIONAL_SUBMISSION_ACKNOWLEDGED");
    }
}
