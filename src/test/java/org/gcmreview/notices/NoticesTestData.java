package org.gcmreview.notices;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Data the notice pages act on, for other features' tests (the authorization matrix, the hostile suite). */
public final class NoticesTestData {

    private final JdbcClient jdbc;

    public NoticesTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new mail the outbox gave up on: its id. */
    public long newFailedMail() {
        return jdbc.sql("""
                insert into mail_outbox (recipients, subject, body, status, attempts, last_error)
                values (array['nobody@example.org'], 'Reminder', 'Text', 'FAILED', 40, 'Connection refused')
                returning id""").query(Long.class).single();
    }

    /** A new notice for the user: its id. */
    public long newNotice(long userId) {
        return jdbc.sql("""
                insert into notice (user_id, kind, message_key, arguments, link)
                values (?, 'TASK_OFFERED', 'notices.text.TASK_OFFERED', array['A task', 'KEN-1'], '/tasks')
                returning id""").param(userId).query(Long.class).single();
    }

    /** The signed token of the link to the user's mail settings, as a notice mail carries it. */
    public String mailSettingsToken(long userId) {
        return new MailSettingsLinks(jdbc, "http://localhost:8080").token(userId);
    }

    /** A new absence of the user, from tomorrow for a week, with a new colleague of the same country as deputy. */
    public long newAbsence(long userId) {
        return jdbc.sql("""
                insert into deputy (user_id, deputy_id, starts_on, ends_on)
                select u.id, d.id, current_date + 1, current_date + 8 from app_user u
                join app_user d on d.country_iso3 = u.country_iso3 and d.id <> u.id and d.role <> 'STAKEHOLDER'
                where u.id = ? order by d.id limit 1
                returning id""").param(userId).query(Long.class).single();
    }
}
