package org.gcmreview.cycle;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.web.Formats;
import org.springframework.stereotype.Component;

/**
 * The reminders and escalations of national-review's waiting tasks after drafting (issue 14.2): a ministry's
 * sign-off and the coordinator's answer to a clarification. Each goes to the people named (the ministry's focal
 * points and/or the country's coordinators) as a notice of kind DUE_SOON or OVERDUE, so each recipient gets it in
 * their notification centre and by mail as they chose (through the outbox: a mail server that is down never fails
 * the job), in their language; and it is audited with who was told.
 */
@Component
public class WaitingTaskNotice {

    /** One kind of notice: its message keys ({@code cycle.mail.<key>.subject/.body}), recipients and audit. */
    public record Kind(String key, NoticeKind notice, boolean ministry, boolean coordinators, String dueVariable,
            String auditAction) {
    }

    private final ReviewCycles cycles;
    private final Ministries ministries;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final CycleMessages messages;
    private final AuditLog audit;

    WaitingTaskNotice(ReviewCycles cycles, Ministries ministries, UserAccountRepository users, MailNotifier mail,
            CycleMessages messages, AuditLog audit) {
        this.cycles = cycles;
        this.ministries = ministries;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
    }

    public void send(DelegateExecution execution, Kind kind) {
        long cycleId = ((Number) execution.getVariable(NationalReview.VAR_CYCLE_ID)).longValue();
        ReviewCycle cycle = cycles.findById(cycleId)
                .orElseThrow(() -> new IllegalStateException("No review cycle " + cycleId));
        Ministry ministry = null;
        List<CurrentUser> recipients = new ArrayList<>();
        if (kind.ministry()) {
            String group = (String) execution.getVariable(NationalReview.VAR_MINISTRY_GROUP);
            ministry = ministries.findByGroup(group)
                    .orElseThrow(() -> new IllegalStateException("No ministry for group " + group));
            recipients.addAll(users.findEnabledInGroup(group));
        }
        if (kind.coordinators()) {
            recipients.addAll(users.findEnabledInGroup(CandidateGroups.coordinator(cycle.countryIso3())));
        }
        Object dueValue = execution.getVariable(kind.dueVariable());
        LocalDate due = dueValue instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
        String ministryName = ministry == null ? "" : ministry.name();
        String isoDue = String.valueOf(due);
        // the notice keeps the date, written in each reader's language when shown
        NoticeText text = new NoticeText("cycle.mail." + kind.key() + ".subject",
                List.of(ministryName, cycle.businessKey(), due == null ? "" : NoticeText.DATE + due), "/cycles/" + cycle.id(), cycle.businessKey());
        MailNotifier.Delivery delivery = mail.notify(kind.notice(), recipients, text, language -> {
            String dueText = due == null ? "" : Formats.date(due, language);
            return new MailNotifier.Mail(
                    messages.in(language, "cycle.mail." + kind.key() + ".subject", ministryName, cycle.businessKey(),
                            dueText),
                    messages.in(language, "cycle.mail." + kind.key() + ".body", ministryName, cycle.title(),
                            cycle.businessKey(), dueText));
        });
        audit.record(AuditEntry.of("system", kind.auditAction(), cycle.countryIso3(), "review_cycle", cycle.id(),
                (ministry == null ? "" : ministry.code() + ", ") + "due " + isoDue + ": " + delivery.describe()));
    }
}
