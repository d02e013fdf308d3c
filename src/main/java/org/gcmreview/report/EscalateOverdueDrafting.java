package org.gcmreview.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.notices.NoticeKind;
import org.springframework.stereotype.Component;

/**
 * Service task "Alert the coordinator to the overdue contribution", on the due-date timer of a ministry's
 * drafting task: tells the country's coordinator(s) which ministry is late and with which objectives, so they
 * can follow up.
 */
@Component("escalateOverdueDrafting")
public class EscalateOverdueDrafting implements JavaDelegate {

    static final DraftingNotice.Kind ESCALATION = new DraftingNotice.Kind(
            ctx -> CandidateGroups.coordinator(ctx.cycle().countryIso3()), "mail.escalation",
            (ctx, due) -> new Object[] {ctx.ministry().name(), ctx.cycle().businessKey()},
            "DRAFTING_OVERDUE_ESCALATED", " overdue", NoticeKind.OVERDUE);

    private final DraftingNotice notice;

    EscalateOverdueDrafting(DraftingNotice notice) {
        this.notice = notice;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notice.send(execution, ESCALATION);
    }
}
