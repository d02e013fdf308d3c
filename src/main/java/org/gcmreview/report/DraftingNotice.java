package org.gcmreview.report;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.MailNotifier;
import org.gcmreview.cycle.Ministries;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.web.Formats;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.springframework.stereotype.Component;

/**
 * What both drafting timers do, each with its own recipients and words: mail the ministry's still open objectives
 * and their due date in each recipient's language, and record in the audit log who was told.
 */
@Component
class DraftingNotice {

    /**
     * One kind of notice.
     *
     * @param recipients the candidate group to mail
     * @param messageKey prefix of the mail's message keys ({@code .subject}, {@code .body}); the body's arguments
     *        are the ministry, the cycle's title, its business key, the due date and the open objectives
     * @param subjectArguments the subject's arguments, given the context and the due date
     * @param auditAction the audit entry's action
     * @param auditNote said of the ministry in the audit entry's details ("" for nothing)
     * @param notice the kind of notice it is (each recipient chooses how such notices come by e-mail)
     */
    record Kind(Function<DraftingContext, String> recipients, String messageKey,
            BiFunction<DraftingContext, String, Object[]> subjectArguments, String auditAction, String auditNote,
            NoticeKind notice) {
    }

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final OpenObjectives openObjectives;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final DraftingMessages messages;
    private final AuditLog audit;

    DraftingNotice(ReviewCycles cycles, Ministries ministries, OpenObjectives openObjectives,
            UserAccountRepository users, MailNotifier mail, DraftingMessages messages, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.openObjectives = openObjectives;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
    }

    void send(DelegateExecution execution, Kind kind) {
        DraftingContext ctx = DraftingContext.of(execution, cycles, ministries);
        List<Contribution> open = openObjectives.of(ctx);
        // the notice keeps the date, written in each reader's language when shown
        String isoDue = ctx.dueDate() == null ? "" : NoticeText.DATE + ctx.dueDate();
        // in the notification centre too: the subject, in the reader's language, leading to the cycle's page
        NoticeText text = new NoticeText(kind.messageKey() + ".subject",
                Arrays.stream(kind.subjectArguments().apply(ctx, isoDue)).map(String::valueOf).toList(),
                "/cycles/" + ctx.cycle().id(), ctx.cycle().businessKey());
        MailNotifier.Delivery delivery = mail.notify(kind.notice(), users.findEnabledInGroup(kind.recipients().apply(ctx)),
                text, language -> {
                    // the due date as the recipient's language writes it, as on the pages (never ISO)
                    String due = Formats.date(ctx.dueDate(), language);
                    return new MailNotifier.Mail(
                            messages.in(language, kind.messageKey() + ".subject", kind.subjectArguments().apply(ctx, due)),
                            messages.in(language, kind.messageKey() + ".body", ctx.ministry().name(), ctx.cycle().title(),
                                    ctx.cycle().businessKey(), due, openObjectives.paragraph(open, language)));
                });
        audit.record(AuditEntry.of("system", kind.auditAction(), ctx.cycle().countryIso3(), "review_cycle",
                ctx.cycle().id(), ctx.ministry().code() + kind.auditNote() + ": " + delivery.describe() + "; open objectives "
                        + open.stream().map(c -> String.valueOf(c.objectiveNumber())).toList()));
    }
}
