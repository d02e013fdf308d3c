package org.gcmreview.notices;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every mail of the application goes: a row in {@code mail_outbox}, written in the caller's transaction, so
 * a mail exists exactly when the work that caused it was committed, and a mail server that is down can neither
 * fail nor hold up that work. Once the transaction has committed, one delivery is tried at once (unless the mail
 * server failed a moment ago); after that the {@link OutboxSender} retries on its own schedule.
 */
@Component
public class MailOutbox {

    private final JdbcClient jdbc;
    private final OutboxSender sender;

    MailOutbox(JdbcClient jdbc, OutboxSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
    }

    /**
     * Queues one mail to all the addresses (one language) and returns its id.
     *
     * @param unsubscribeUrl the recipient's one-click link to change their notice settings (sent as the RFC 8058
     *        List-Unsubscribe header), or null for a mail nobody can opt out of (a set-password link)
     */
    public long enqueue(List<String> recipients, String subject, String body, String unsubscribeUrl) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
        long id = jdbc.sql("insert into mail_outbox (recipients, subject, body, unsubscribe_url) "
                        + "values (?, ?, ?, ?) returning id")
                .params(recipients.toArray(String[]::new), subject, body, unsubscribeUrl).query(Long.class).single();
        tryAfterCommit(id, false);
        return id;
    }

    /** One delivery attempt once the current transaction has committed (at once without one). */
    void tryAfterCommit(long id, boolean evenIfPaused) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.tryNow(id, evenIfPaused);
                }
            });
        } else {
            sender.tryNow(id, evenIfPaused);
        }
    }
}
