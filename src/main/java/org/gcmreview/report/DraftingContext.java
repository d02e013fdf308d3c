package org.gcmreview.report;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.Ministry;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.processes.NationalReview;

/** The cycle and ministry a drafting timer fired for, read from the multi-instance branch's variables. */
record DraftingContext(ReviewCycle cycle, Ministry ministry, LocalDate dueDate) {

    static DraftingContext of(DelegateExecution execution, ReviewCycles cycles, Ministries ministries) {
        long cycleId = ((Number) execution.getVariable(NationalReview.VAR_CYCLE_ID)).longValue();
        String group = (String) execution.getVariable(NationalReview.VAR_MINISTRY_GROUP);
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        Ministry ministry = ministries.findByGroup(group)
                .orElseThrow(() -> new IllegalStateException("No ministry for group " + group));
        return new DraftingContext(cycle, ministry, cycle.draftingDue());
    }
}
