package org.gcmreview.consultation;

import java.util.List;

import org.gcmreview.audit.LogText;
import org.gcmreview.notices.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Receipts and confirmation links for stakeholders, as plain text (nothing a stakeholder typed can become
 * markup in a mail). A mail is written to the outbox in the transaction that stored the input, so nobody gets a
 * receipt for an input that was rolled back, and a mail server that is down loses nothing (the outbox retries).
 * With {@code gcm.mail.enabled=false} (the development default) mails are only logged.
 */
@Component
public class ConsultationMail {

    private static final Logger log = LoggerFactory.getLogger(ConsultationMail.class);

    private final MailOutbox outbox;
    private final boolean enabled;

    ConsultationMail(MailOutbox outbox, @Value("${gcm.mail.enabled:false}") boolean enabled) {
        this.outbox = outbox;
        this.enabled = enabled;
    }

    /** Queues the mail with the current transaction's work (sent once it commits); never fails the caller. */
    public void sendAfterCommit(String to, String subject, String text) {
        if (to == null || to.isBlank()) {
            return;
        }
        if (!enabled) {
            // that it was due, never to whom or its text: a confirmation link is a single-use secret
            log.info("mail due but not sent (gcm.mail.enabled={}): {}", enabled, LogText.neutral(subject));
            return;
        }
        outbox.enqueue(List.of(to), subject, text, null);
    }
}
