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
        ProcessInstance national = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(NATIONAL_REVIEW)
                .processInstanceBusinessKey(nationalBusinessKey)
                .singleResult();
        if (national == null) {
            throw new IllegalStateException("No running national review " + nationalBusinessKey);
        }
        runtimeService.createMessageCorrelation(messageName)
                .processInstanceId(national.getId())
                .correlateWithResult();
    }
}
