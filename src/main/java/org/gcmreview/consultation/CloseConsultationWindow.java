package org.gcmreview.consultation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.springframework.stereotype.Component;

/**
 * stakeholder-consultation, CloseConsultationWindow: on the closing date or when the coordinator closed it
 * early. Takes the window's row lock, so an input being stored right now is either in or refused.
 */
@Component
class CloseConsultationWindow implements JavaDelegate {

    private final Consultations consultations;
    private final ReviewCycles cycles;
    private final AuditLog audit;

    CloseConsultationWindow(Consultations consultations, ReviewCycles cycles, AuditLog audit) {
        this.consultations = consultations;
        this.cycles = cycles;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ConsultationVariables.cycleId(execution);
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        ConsultationWindow window = consultations.windowOfForUpdate(cycleId)
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no window"));
        consultations.close(window.id());
        cycles.touch(cycleId);
        int inputs = consultations.inputs(window.id()).size();
        audit.record(AuditEntry.of("system", "CONSULTATION_CLOSED", cycle.countryIso3(), "consultation_window",
                window.id(), inputs + " input(s) received"));
    }
}
