package org.gcmreview.cycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.stereotype.Component;

/**
 * Service task "Alert the coordinator to the overdue contribution", on the due-date timer of a ministry's
 * drafting task: tells the country's coordinator(s) which ministry is late, so they can follow up.
 */
@Component("escalateOverdueDrafting")
public class EscalateOverdueDrafting implements JavaDelegate {

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final AuditLog audit;

    EscalateOverdueDrafting(ReviewCycles cycles, Ministries ministries, UserAccountRepository users,
            MailNotifier mail, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.users = users;
        this.mail = mail;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DraftingContext ctx = DraftingContext.of(execution, cycles, ministries);
        String text = """
                Dear coordinator,

                The contribution of %s to "%s" (%s) was due on %s and has not been submitted.
                You can see which objectives are still open on the cycle's progress page in gcm-review.
                """.formatted(ctx.ministry().name(), ctx.cycle().title(), ctx.cycle().businessKey(), ctx.dueDate());
        MailNotifier.Delivery delivery = mail.send(
                users.findEnabledInGroup(CandidateGroups.coordinator(ctx.cycle().countryIso3())),
                "Overdue: contribution of " + ctx.ministry().name(), text);
        audit.record(AuditEntry.of("system", "DRAFTING_OVERDUE_ESCALATED", ctx.cycle().countryIso3(), "review_cycle",
                ctx.cycle().id(), ctx.ministry().code() + " overdue: " + delivery.describe()));
    }
}
