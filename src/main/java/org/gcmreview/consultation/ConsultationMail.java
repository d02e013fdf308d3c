package org.gcmreview.consultation;

import org.gcmreview.audit.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Receipts and confirmation links for stakeholders, as plain text (nothing a stakeholder typed can become
 * markup in a mail). A mail goes out only after the transaction that stored the input has committed, so
 * nobody gets a receipt for an input that was rolled back. With {@code gcm.mail.enabled=false} (the
 * development default) mails are only logged.
 */
@Component
public class ConsultationMail {

    private static final Logger log = LoggerFactory.getLogger(ConsultationMail.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final boolean enabled;
    private final String from;

    ConsultationMail(ObjectProvider<JavaMailSender> mailSender, @Value("${gcm.mail.enabled:false}") boolean enabled,
            @Value("${gcm.mail.from:gcm-review@localhost}") String from) {
        this.mailSender = mailSender;
        this.enabled = enabled;
        this.from = from;
    }

    /** Sends after the current transaction commits (at once when there is none); never fails the caller. */
    public void sendAfterCommit(String to, String subject, String text) {
        if (to == null || to.isBlank()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(to, subject, text);
                }
            });
        } else {
            send(to, subject, text);
        }
    }

    private void send(String to, String subject, String text) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (!enabled || sender == null) {
            // that it was due, never to whom or its text: a confirmation link is a single-use secret
            log.info("mail due but not sent (gcm.mail.enabled={}): {}", enabled, LogText.neutral(subject));
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            // the input is stored and its receipt shown on the page; a lost mail must not undo that
            log.warn("a mail ({}) could not be sent: {}", LogText.neutral(subject), LogText.neutral(e.getMessage()));
        }
    }
}
