package org.gcmreview.consultation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        lock(subjects);
        return retryAt(subjects);
    }

    /**
     * Locks the subjects for the rest of the caller's transaction, for a statement after it that counts and
     * records the submission itself ({@link #WITHIN_LIMIT}): a lock taken in that statement would come after its
     * snapshot, which could then miss an event recorded under the lock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(List<String> subjects) {
        if (!limit.enabled()) {
            return;
        }
        // always in the same order, so two submissions sharing two subjects cannot deadlock; one statement for all
        // the locks (its select list is evaluated left to right)
        List<String> sorted = ordered(subjects);
        jdbc.sql("select " + String.join(", ", Collections.nCopies(sorted.size(),
                "pg_advisory_xact_lock(hashtextextended(?, 0))"))).params(List.copyOf(sorted))
                .query((rs, n) -> 1).list();
    }

    /** Each subject once, always in the same order. */
    private static List<String> ordered(List<String> subjects) {
        return subjects.stream().distinct().sorted().toList();
    }

    /**
     * When the subjects, locked by this transaction, are all below their limit again; empty when they are now.
     * Its statements start after the locks are held, so they see every event recorded under them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Instant> retryAt(List<String> subjects) {
        if (!limit.enabled()) {
            return Optional.empty();
        }
        List<String> sorted = ordered(subjects);
        long seconds = limit.period().toSeconds();
        // expired events go (the CTE) while the same statement counts the others: its snapshot does not see the
        // CTE's delete, so the count keeps to the events of the period, exactly the rows the delete spares
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                with expired as (delete from submission_rate_event
                                  where subject = any(?) and occurred_at <= now() - make_interval(secs => ?))
                select subject, count(*) from submission_rate_event
                 where subject = any(?) and occurred_at > now() - make_interval(secs => ?)
                 group by subject""")
                .params(sorted.toArray(String[]::new), seconds, sorted.toArray(String[]::new), seconds)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        Instant retryAt = null;
        for (String subject : sorted) {
            int count = counts.getOrDefault(subject, 0);
            if (count >= limit.maxSubmissions()) {
                // the submission that has to age out before one more fits
                Timestamp free = jdbc.sql("""
                        select occurred_at + make_interval(secs => ?) from submission_rate_event where subject = ?
                           and occurred_at > now() - make_interval(secs => ?)
                         order by occurred_at offset ? limit 1""")
                        .params(seconds, subject, seconds, count - limit.maxSubmissions()).query(Timestamp.class)
                        .single();
                if (retryAt == null || free.toInstant().isAfter(retryAt)) {
                    retryAt = free.toInstant();
                }
            }
        }
        return Optional.ofNullable(retryAt);
    }

    /**
     * Common table expressions that count a submission against the limit in the statement that stores it (issue
     * 19.1: one statement less per input than {@link #check}, and the subjects' locks are held for one statement
     * less): {@code within_limit.allowed} says whether every subject is below its limit, while expired events go
     * as in {@link #retryAt}. Call {@link #lock} before, in the same transaction; {@link Counting#withinLimit} has
     * the text for the sender's subjects and {@link Counting#withinLimitParameters} its parameters.
     * <p>One parameter per subject ({@code subject in (?, ?)}), not an array as {@link #retryAt} takes them: with an
     * array of unknown length, the plan PostgreSQL keeps for a prepared statement was estimated three to six times
     * dearer than one made for the values at hand, so nearly every input was planned anew (1.2 ms of the
     * database's time each at 32 clients; 0.2 ms with these parameters, pg_stat_statements).
     */
    private static final String WITHIN_LIMIT = """
            expired_events as (delete from submission_rate_event
                                where subject in (%1$s) and occurred_at <= now() - make_interval(secs => ?)),
            within_limit as (select not exists (
                                 select 1 from submission_rate_event
                                  where subject in (%1$s) and occurred_at > now() - make_interval(secs => ?)
                                  group by subject having count(*) >= ?) as allowed)""";

    /**
     * A common table expression that counts one submission for each subject if the statement's {@code new_input}
     * stored a row: the statement that stores an input records it too, and a repeat that stores nothing counts
     * nothing. Its parameter is {@link Counting#recorded}.
     */
    static final String RECORD_STORED_INPUT = """
            recorded as (insert into submission_rate_event (subject)
                         select subject from unnest(?::text[]) subject where exists (select 1 from new_input))""";

    /** {@link #WITHIN_LIMIT} and {@link #RECORD_STORED_INPUT} for one submission's subjects. */
    record Counting(String[] subjects, long periodSeconds, int maxSubmissions) {

        /** The common table expressions {@code expired_events} and {@code within_limit} for these subjects. */
        String withinLimit() {
            // no subject (the limit is off): "in (null)" matches no event, so every submission is allowed
            String placeholders = subjects.length == 0 ? "null"
                    : String.join(", ", Collections.nCopies(subjects.length, "?"));
            return WITHIN_LIMIT.formatted(placeholders);
        }

        /** The parameters of {@link #withinLimit}, in order. */
        List<Object> withinLimitParameters() {
            List<Object> parameters = new ArrayList<>(List.of(subjects));
            parameters.add(periodSeconds);
            parameters.addAll(List.of(subjects));
            parameters.add(periodSeconds);
            parameters.add(maxSubmissions);
            return parameters;
        }

        /** The parameter of {@link #RECORD_STORED_INPUT}. */
        String[] recorded() {
            return subjects;
        }
    }

    /** How a statement counts a submission from these subjects: none when the limit is off. */
    Counting counting(List<String> subjects) {
        return new Counting(limit.enabled() ? subjects.stream().distinct().toArray(String[]::new) : new String[0],
                limit.period().toSeconds(), limit.maxSubmissions());
    }

    /** Counts one submission for each subject; call after {@link #check} in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<String> subjects) {
        String[] recorded = counting(subjects).recorded();
        if (recorded.length > 0) {
            jdbc.sql("insert into submission_rate_event (subject) select unnest(?)").param(recorded).update();
        }
    }
}
