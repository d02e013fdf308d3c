package org.gcmreview.report;

import org.gcmreview.cycle.CycleScoped;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a cycle is scoped: the report's sections (introduction, policy, one per objective) and one contribution
 * per ministry and objective it was assigned, in the scoping's transaction. */
@Component
class ReportSetUp {

    private final ReportSections sections;
    private final Contributions contributions;
    private final CarryOver carryOver;

    ReportSetUp(ReportSections sections, Contributions contributions, CarryOver carryOver) {
        this.sections = sections;
        this.contributions = contributions;
        this.carryOver = carryOver;
    }

    @EventListener
    void on(CycleScoped scoped) {
        sections.createSkeleton(scoped.cycleId(), scoped.objectives());
        contributions.createForAssignments(scoped.cycleId());
        if (scoped.carriedFromVersionId() != null) {
            carryOver.apply(scoped);
        }
    }
}
