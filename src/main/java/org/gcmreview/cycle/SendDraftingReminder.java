package org.gcmreview.cycle;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.Contributions;
import org.springframework.stereotype.Component;

/**
 * Service task "Remind the ministry", on the reminder timer of a ministry's drafting task: mails the users of
 * that ministry ({@code ministryGroup}) which objectives are still open and when they are due.
 */
@Component("sendDraftingReminder")
public class SendDraftingReminder implements JavaDelegate {

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final Contributions contributions;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final AuditLog audit;

    SendDraftingReminder(ReviewCycles cycles, Ministries ministries, Contributions contributions,
            UserAccountRepository users, MailNotifier mail, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.contributions = contributions;
        this.users = users;
        this.mail = mail;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DraftingContext ctx = DraftingContext.of(execution, cycles, ministries);
        List<Contribution> open = contributions.forMinistry(ctx.cycle().id(), ctx.ministry().id()).stream()
                .filter(c -> !c.submitted()).toList();
        String text = """
                Dear colleague,

                %s has not yet submitted its contribution to "%s" (%s). It is due on %s.
                Objectives still open: %s.

                Please sign in to gcm-review and open "Draft contribution" in your task list.
                """.formatted(ctx.ministry().name(), ctx.cycle().title(), ctx.cycle().businessKey(), ctx.dueDate(),
                open.stream().map(c -> String.valueOf(c.objectiveNumber())).collect(Collectors.joining(", ")));
        MailNotifier.Delivery delivery = mail.send(users.findEnabledInGroup(ctx.ministry().group()),
                "Reminder: GCM review contribution due " + ctx.dueDate(), text);
        audit.record(AuditEntry.of("system", "DRAFTING_REMINDER_SENT", ctx.cycle().countryIso3(), "review_cycle",
                ctx.cycle().id(), ctx.ministry().code() + ": " + delivery.describe()));
    }
}
