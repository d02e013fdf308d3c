package org.gcmreview.consultation;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gcmreview.processes.StakeholderConsultation;

/** The stakeholder-consultation process variables this feature reads. */
final class ConsultationVariables {

    static final String PROCESS = StakeholderConsultation.PROCESS;
    static final String CLOSES_AT = StakeholderConsultation.VAR_CLOSES_AT;

    private ConsultationVariables() {
    }

    static long cycleId(DelegateExecution execution) {
        if (execution.getVariable(StakeholderConsultation.VAR_CYCLE_ID) instanceof Number id) {
            return id.longValue();
        }
        throw new IllegalStateException("Process variable " + StakeholderConsultation.VAR_CYCLE_ID + " is missing");
    }

    static Instant instant(DelegateExecution execution, String name) {
        if (execution.getVariable(name) instanceof Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("Process variable " + name + " is missing or not a date");
    }
}
