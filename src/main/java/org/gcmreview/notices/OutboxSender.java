package org.gcmreview.notices;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.gcmreview.audit.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers the outbox. Each delivery claims its rows with {@code FOR UPDATE SKIP LOCKED} in a transaction of its
 * own, so two application nodes (or the poller and a just-committed request) never send the same mail twice and
 * never wait for each other. A failure is counted and the mail waits, doubling each time (see
 * {@link OutboxSettings}); after the last attempt it is FAILED until the administrator retries it.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final OutboxSettings settings;
    private final Clock clock;
    private final String from;
    /** Until when a request's own delivery attempt is skipped, because the mail server just failed. */
    private volatile Instant pausedUntil = Instant.MIN;

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> mailSender,
            OutboxSettings settings, ObjectProvider<Clock> clock,
            @Value("${gcm.mail.from:gcm-review@localhost}") String from) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mailSender = mailSender;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.from = from;
    }

    /**
     * Right after the work committed: one attempt, unless the server failed a moment ago (an administrator's retry
     * tries regardless: they say the server works again). Never throws.
     */
    void tryNow(long id, boolean evenIfPaused) {
        Instant now = clock.instant();
        if (!evenIfPaused && now.isBefore(pausedUntil)) {
            return;
        }
        try {
            deliver("id = ? and status = 'PENDING'", new Object[] {id}, now);
        } catch (RuntimeException e) {
            // the work is committed and the mail is safe in the outbox: the poller tries again
            log.warn("mail {} left to the outbox poller: {}", id, LogText.neutral(e.getMessage()));
        }
    }

    /** Delivers every mail due at {@code now}; returns how many were sent. */
    int deliverDue(Instant now) {
        int sent = 0;
        while (true) {
            Batch batch = deliver("status = 'PENDING' and next_attempt_at <= ?", new Object[] {java.sql.Timestamp.from(now)}, now);
            sent += batch.sent();
            if (batch.claimed() < BATCH) {
                return sent;
            }
        }
    }

    private record Batch(int claimed, int sent) {
    }

    private Batch deliver(String condition, Object[] params, Instant now) {
        return transaction.execute(status -> {
            List<OutboxMail> due = jdbc.sql("select * from mail_outbox where " + condition
                            + " order by id limit " + BATCH + " for update skip locked")
                    .params(params).query(OutboxSender::mail).list();
            int sent = 0;
            for (OutboxMail mail : due) {
                try {
                    send(mail);
                    jdbc.sql("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, "
                            + "last_error = null where id = ?").params(java.sql.Timestamp.from(now), mail.id()).update();
                    sent++;
                } catch (RuntimeException | MessagingException e) {
                    failed(mail, e, now);
                }
            }
            return new Batch(due.size(), sent);
        });
    }

    private void failed(OutboxMail mail, Exception e, Instant now) {
        int failures = mail.attempts() + 1;
        boolean givenUp = failures >= settings.maxAttempts();
        String error = LogText.clip(LogText.neutral(String.valueOf(e.getMessage())), 500);
        jdbc.sql("update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ?, status = ? where id = ?")
                .params(failures, error, java.sql.Timestamp.from(now.plus(settings.waitAfter(failures))),
                        givenUp ? "FAILED" : "PENDING", mail.id())
                .update();
        pausedUntil = clock.instant().plus(settings.pauseAfterFailure());
        // that it failed, never to whom or what (a set-password link is a secret)
        log.warn("mail {} not delivered (attempt {} of {}{}): {}", mail.id(), failures, settings.maxAttempts(),
                givenUp ? ", given up: shown at /admin/notices" : "", error);
    }

    private void send(OutboxMail mail) throws MessagingException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("gcm.mail.enabled is true but no mail server is configured (spring.mail.host)");
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.recipients().toArray(String[]::new));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        if (mail.unsubscribeUrl() != null) {
            // RFC 8058: a mail client may offer one-click unsubscribe (a POST to the link, no page in between)
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        sender.send(message);
    }

    static OutboxMail mail(ResultSet rs, int row) throws SQLException {
        Array recipients = rs.getArray("recipients");
        java.sql.Timestamp next = rs.getTimestamp("next_attempt_at");
        return new OutboxMail(rs.getLong("id"), Arrays.asList((String[]) recipients.getArray()),
                rs.getString("subject"), rs.getString("body"), rs.getString("unsubscribe_url"),
                rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                next == null ? null : next.toInstant(), rs.getString("last_error"));
    }
}
