package org.gcmreview.submission.regional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.processes.NationalReview;
import org.springframework.stereotype.Component;

/** Delivers a secretariat's answer to the national-review instance that submitted the report. */
@Component
class NationalReviewMessages {

    static final String NATIONAL_REVIEW = NationalReview.PROCESS;

    private final RuntimeService runtimeService;

    NationalReviewMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Correlates by business key within national-review instances only: the stakeholder consultation shares
     * the business key and must never catch a secretariat's message.
     */
    void send(String messageName, String nationalBusinessKey) {
        send(messageName, nationalBusinessKey, null);
    }

    /** With the date a clarification's answer is due, when there is one. */
    void send(String messageName, String nationalBusinessKey, Object clarificationAnswerBy) {
        ProcessInstance national = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(NATIONAL_REVIEW)
                .processInstanceBusinessKey(nationalBusinessKey)
                .singleResult();
        if (national == null) {
            throw new IllegalStateException("No running national review " + nationalBusinessKey);
        }
        var correlation = runtimeService.createMessageCorrelation(messageName).processInstanceId(national.getId());
        if (clarificationAnswerBy != null) {
            correlation.setVariable(NationalReview.VAR_CLARIFICATION_ANSWER_BY, clarificationAnswerBy);
        }
        correlation.correlateWithResult();
    }
}
