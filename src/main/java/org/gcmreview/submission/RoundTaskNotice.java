package org.gcmreview.submission;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.MailNotifier;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.processes.ImrfReview;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.web.Formats;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices of the secretariats' tasks (review in regional-review, registration in imrf-review): a reminder
 * to the secretariat before the due date, and from the due date on an escalation, repeated every period until
 * the task is done, to the secretariat and to the country's coordinator (who knows whom to call). Mailed in each
 * recipient's language and audited; a mail failure fails only this notice's job, which is retried.
 */
final class RoundTaskNotice implements JavaDelegate {

    private final boolean escalation;
    private final Submissions submissions;
    private final UserAccountRepository users;
    private final MailNotifier mail;
    private final SubmissionMessages messages;
    private final AuditLog audit;

    private RoundTaskNotice(boolean escalation, Submissions submissions, UserAccountRepository users,
            MailNotifier mail, SubmissionMessages messages, AuditLog audit) {
        this.escalation = escalation;
        this.submissions = submissions;
        this.users = users;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long submissionId = ProcessVariables.id(execution, RegionalReview.VAR_SUBMISSION_ID);
        Submission submission = submissions.find(submissionId)
                .orElseThrow(() -> new IllegalStateException("No submission " + submissionId));
        String group = ProcessVariables.text(execution, RegionalReview.VAR_SECRETARIAT_GROUP);
        List<CurrentUser> recipients = new ArrayList<>(users.findEnabledInGroup(group));
        if (escalation) {
            recipients.addAll(users.findEnabledInGroup(CandidateGroups.coordinator(submission.countryIso3())));
        }
        LocalDate due = dueDate(execution);
        String key = "submission.mail." + (escalation ? "overdue" : "reminder")
                + (submission.kind() == RoundKind.IMRF ? ".imrf" : ".regional");
        MailNotifier.Delivery delivery = mail.send(recipients, language -> new MailNotifier.Mail(
                messages.in(language, key + ".subject", submission.roundCode(), submission.businessKey()),
                // the version and the due date in the recipient's language and digits (issue 17.6), never ISO
                messages.in(language, key + ".body", submission.countryName(), submission.roundCode(),
                        submission.versionNo(), due == null ? "-" : Formats.date(due, language))));
        audit.record(AuditEntry.of("system", escalation ? "ROUND_TASK_OVERDUE_ESCALATED" : "ROUND_TASK_REMINDER_SENT",
                submission.countryIso3(), "submission", submissionId,
                submission.roundCode() + ", due " + (due == null ? "-" : due) + ": " + delivery.describe()));
    }

    private static LocalDate dueDate(DelegateExecution execution) {
        Object due = execution.getVariable(RegionalReview.VAR_REVIEW_DUE);
        if (due == null) {
            due = execution.getVariable(ImrfReview.VAR_REGISTRATION_DUE);
        }
        return due instanceof Date date ? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : null;
    }

    /** The two delegates the BPMN names. */
    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean("remindSecretariat")
        JavaDelegate remindSecretariat(Submissions submissions, UserAccountRepository users, MailNotifier mail,
                SubmissionMessages messages, AuditLog audit) {
            return new RoundTaskNotice(false, submissions, users, mail, messages, audit);
        }

        @Bean("escalateOverdueRoundTask")
        JavaDelegate escalateOverdueRoundTask(Submissions submissions, UserAccountRepository users,
                MailNotifier mail, SubmissionMessages messages, AuditLog audit) {
            return new RoundTaskNotice(true, submissions, users, mail, messages, audit);
        }
    }
}
