package org.gcmreview.consultation;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.StakeholderConsultation;
import org.springframework.stereotype.Component;

/**
 * stakeholder-consultation, OpenConsultationWindow: the opening date has come. The window takes its dates from
 * the process (scoping set them), so the public page and the timers never disagree.
 */
@Component
class OpenConsultationWindow implements JavaDelegate {

    private final ConsultationWindows windows;
    private final ReviewCycles cycles;
    private final AuditLog audit;

    OpenConsultationWindow(ConsultationWindows windows, ReviewCycles cycles, AuditLog audit) {
        this.windows = windows;
        this.cycles = cycles;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ConsultationVariables.cycleId(execution);
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        Instant opensAt = ConsultationVariables.instant(execution, StakeholderConsultation.VAR_OPENS_AT);
        Instant closesAt = ConsultationVariables.instant(execution, StakeholderConsultation.VAR_CLOSES_AT);
        long windowId = windows.open(cycleId, opensAt, closesAt);
        cycles.updateStatus(cycleId, CycleStatus.CONSULTATION);
        audit.record(AuditEntry.of("system", "CONSULTATION_OPENED", cycle.countryIso3(), "consultation_window",
                windowId, "open from " + opensAt + " until " + closesAt));
    }
}
