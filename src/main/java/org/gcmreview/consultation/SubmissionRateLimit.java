package org.gcmreview.consultation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gcmreview.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most N submissions per period for each subject: an organisation, a client address, an individual's
 * e-mail address. The count lives in PostgreSQL and is taken under a transaction-level advisory lock per
 * subject, so it holds when several application nodes serve the same consultation; the lock is released when
 * the submitting transaction ends, after its own event has been recorded.
 */
@Component
public class SubmissionRateLimit {

    private final JdbcClient jdbc;
    private final ConsultationProperties.RateLimit limit;

    SubmissionRateLimit(JdbcClient jdbc, ConsultationProperties properties) {
        this.jdbc = jdbc;
        this.limit = properties.rateLimit();
    }

    public static String organisation(long organisationId) {
        return "organisation:" + organisationId;
    }

    public static String address(String clientAddress) {
        return "address:" + org.gcmreview.audit.LogText.ipAddress(clientAddress).orElse("unknown");
    }

    /** An e-mail address, kept only as a hash: the table is not a list of people. */
    public static String email(String address) {
        return "email:" + Sha256.hex(address.trim().toLowerCase(Locale.ROOT));
    }

    /** A subject for another kind of request, e.g. registrations from one address. */
    public static String of(String kind, String value) {
        return kind + ":" + value;
    }

    public int maxSubmissions() {
        return limit.maxSubmissions();
    }

    /**
     * Locks the subjects for the rest of the caller's transaction and says whether another submission is
     * allowed now.
     *
     * @return empty when allowed; otherwise the moment from which every subject is below its limit again
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instant> check(List<String> subjects) {
        if (!limit.enabled()) {
            return Optional.empty();
        }
        Instant retryAt = null;
        // always in the same order, so two submissions sharing two subjects cannot deadlock
        for (String subject : subjects.stream().distinct().sorted().toList()) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(subject).query((rs, n) -> 1).list();
            long seconds = limit.period().toSeconds();
            jdbc.sql("delete from submission_rate_event where subject = ? and occurred_at <= now() - make_interval(secs => ?)")
                    .params(subject, seconds).update();
            int count = jdbc.sql("select count(*) from submission_rate_event where subject = ?").param(subject)
                    .query(Integer.class).single();
            if (count >= limit.maxSubmissions()) {
                // the submission that has to age out before one more fits
                Timestamp free = jdbc.sql("""
                        select occurred_at + make_interval(secs => ?) from submission_rate_event where subject = ?
                         order by occurred_at offset ? limit 1""")
                        .params(seconds, subject, count - limit.maxSubmissions()).query(Timestamp.class).single();
                if (retryAt == null || free.toInstant().isAfter(retryAt)) {
                    retryAt = free.toInstant();
                }
            }
        }
        return Optional.ofNullable(retryAt);
    }

    /** Counts one submission for each subject; call after {@link #check} in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<String> subjects) {
        if (!limit.enabled()) {
            return;
        }
        for (String subject : subjects.stream().distinct().toList()) {
            jdbc.sql("insert into submission_rate_event (subject) values (?)").param(subject).update();
        }
    }
}
