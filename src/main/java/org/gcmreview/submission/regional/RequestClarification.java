package org.gcmreview.submission.regional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.submission.SubmissionStatus;
import org.springframework.stereotype.Component;

/** regional-review, RequestClarification: the country must answer and resubmit. */
@Component
class RequestClarification implements JavaDelegate {

    static final String MESSAGE = NationalReview.MESSAGE_CLARIFICATION_REQUESTED;

    private final RegionalAnswer answer;

    RequestClarification(RegionalAnswer answer) {
        this.answer = answer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        answer.deliver(execution, SubmissionStatus.CLARIFICATION_REQUESTED, CycleStatus.CLARIFICATION_REQUESTED,
                MESSAGE, "REGIONAL_CLARIFICATION_REQUESTED");
    }
}
