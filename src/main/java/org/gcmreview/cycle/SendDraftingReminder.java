package org.gcmreview.cycle;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.report.Contribution;
import org.gcmreview.report.DraftingMessages;
import org.springframework.stereotype.Component;

/**
 * Service task "Remind the ministry", on the reminder timer of a ministry's drafting task: mails the users of
 * that ministry ({@code ministryGroup}) which objectives are still open and when they are due.
 */
@Component("sendDraftingReminder")
public class SendDraftingReminder implements JavaDelegate {

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final OpenObjectives openObjectives;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final DraftingMessages messages;
    private final AuditLog audit;

    SendDraftingReminder(ReviewCycles cycles, Ministries ministries, OpenObjectives openObjectives,
            UserAccountRepository users, MailNotifier mail, DraftingMessages messages, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.openObjectives = openObjectives;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DraftingContext ctx = DraftingContext.of(execution, cycles, ministries);
        List<Contribution> open = openObjectives.of(ctx);
        String due = String.valueOf(ctx.dueDate());
        MailNotifier.Delivery delivery = mail.send(users.findEnabledInGroup(ctx.ministry().group()),
                language -> new MailNotifier.Mail(
                        messages.in(language, "mail.reminder.subject", ctx.cycle().businessKey(), due),
                        messages.in(language, "mail.reminder.body", ctx.ministry().name(), ctx.cycle().title(),
                                ctx.cycle().businessKey(), due, openObjectives.paragraph(open, language))));
        audit.record(AuditEntry.of("system", "DRAFTING_REMINDER_SENT", ctx.cycle().countryIso3(), "review_cycle",
                ctx.cycle().id(), ctx.ministry().code() + ": " + delivery.describe() + "; open objectives "
                        + open.stream().map(c -> String.valueOf(c.objectiveNumber())).toList()));
    }
}
