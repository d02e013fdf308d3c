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

    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final ReviewCycles cycles;
    private final AuditLog audit;

    CloseConsultationWindow(ConsultationWindows windows, ConsultationInputs consultationInputs, ReviewCycles cycles,
            AuditLog audit) {
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.cycles = cycles;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ConsultationVariables.cycleId(execution);
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        ConsultationWindow window = windows.windowOfForUpdate(cycleId)
                .orElseThrow(() -> new IllegalStateException("Cycle " + cycle.businessKey() + " has no window"));
        windows.close(window.id());
        cycles.touch(cycleId);
        int inputs = consultationInputs.inputs(window.id()).size();
        audit.record(AuditEntry.of("system", "CONSULTATION_CLOSED", cycle.countryIso3(), "consultation_window",
                window.id(), inputs + " input(s) received"));
    }
}
