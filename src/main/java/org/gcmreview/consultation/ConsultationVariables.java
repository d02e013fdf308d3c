package org.gcmreview.consultation;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The stakeholder-consultation process variables this feature reads. */
final class ConsultationVariables {

    static final String PROCESS = "stakeholder-consultation";
    static final String CLOSES_AT = "consultationClosesAt";

    private ConsultationVariables() {
    }

    static long cycleId(DelegateExecution execution) {
        if (execution.getVariable("cycleId") instanceof Number id) {
            return id.longValue();
        }
        throw new IllegalStateException("Process variable cycleId is missing");
    }

    static Instant instant(DelegateExecution execution, String name) {
        if (execution.getVariable(name) instanceof Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("Process variable " + name + " is missing or not a date");
    }
}
