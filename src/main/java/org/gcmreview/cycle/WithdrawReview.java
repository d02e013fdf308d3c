package org.gcmreview.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.processes.NationalReview;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * national-review, WithdrawReview (the withdrawal event sub-process): the cycle is WITHDRAWN and the modules that
 * keep something open for it close it, in this transaction ({@link CycleWithdrawn}). The open tasks already ended
 * with the interrupting event.
 */
@Component
class WithdrawReview implements JavaDelegate {

    private final ReviewCycles cycles;
    private final CycleWithdrawals withdrawals;
    private final ApplicationEventPublisher events;

    WithdrawReview(ReviewCycles cycles, CycleWithdrawals withdrawals, ApplicationEventPublisher events) {
        this.cycles = cycles;
        this.withdrawals = withdrawals;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ((Number) execution.getVariable(NationalReview.VAR_CYCLE_ID)).longValue();
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        String reason = withdrawals.latest(cycleId).map(Withdrawal::reason).orElse("");
        cycles.updateStatus(cycleId, CycleStatus.WITHDRAWN);
        events.publishEvent(new CycleWithdrawn(cycleId, cycle.countryIso3(), reason));
    }
}
