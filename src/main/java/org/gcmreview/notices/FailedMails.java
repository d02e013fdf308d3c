package org.gcmreview.notices;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The administrator's view of the outbox: mails given up on, and how many are still being retried. */
@Repository
class FailedMails {

    /** Rows on one page: a mail server down for long fails many mails, the oldest matter least. */
    static final int PAGE_ROWS = 100;

    private final JdbcClient jdbc;

    FailedMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OutboxMail> failed() {
        return jdbc.sql("select * from mail_outbox where status = 'FAILED' order by created_at desc limit " + PAGE_ROWS)
                .query(OutboxSender::mail).list();
    }

    /** Mails that failed at least once and are waiting for their next attempt. */
    long retrying() {
        return jdbc.sql("select count(*) from mail_outbox where status = 'PENDING' and attempts > 0")
                .query(Long.class).single();
    }

    /** Puts a FAILED mail back in the queue with a fresh count of attempts; empty when no such mail failed. */
    Optional<OutboxMail> retry(long id) {
        return jdbc.sql("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now() "
                        + "where id = ? and status = 'FAILED' returning *")
                .param(id).query(OutboxSender::mail).optional();
    }
}
