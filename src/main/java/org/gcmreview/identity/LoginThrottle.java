package org.gcmreview.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts failed sign-ins per user name and per client address and locks either once it has failed too often
 * (see {@link LoginThrottling}). Everything is in PostgreSQL and uses the database's clock, so every app node
 * sees the same counts and locks, whatever the nodes' own clocks say, and a restart lifts nothing.
 */
@Service
public class LoginThrottle {

    /** What is locked: a user name (whoever tries it) or a client address (whichever user name it tries). */
    public enum Kind {
        USERNAME, ADDRESS
    }

    public record Lock(Kind kind, String subject, Instant lockedUntil) {
    }

    static final int MAX_USERNAME = 200;
    static final int MAX_ADDRESS = 64;

    private final JdbcClient jdbc;
    private final LoginThrottling limits;
    private final AuditLog audit;

    LoginThrottle(JdbcClient jdbc, LoginThrottling limits, AuditLog audit) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.audit = audit;
    }

    /** The latest end of a lock on this user name or this address, if one is in force. */
    public Optional<Instant> lockedUntil(String username, String address) {
        return jdbc.sql("""
                select locked_until from login_lock
                 where locked_until > now()
                   and ((kind = 'USERNAME' and subject = :username) or (kind = 'ADDRESS' and subject = :address))
                 order by locked_until desc limit 1""")
                .param("username", usernameKey(username))
                .param("address", addressKey(address))
                .query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    /**
     * Records a failed sign-in and locks the user name and/or the address when it reaches its limit.
     *
     * @return the locks this failure placed (empty when none)
     */
    public List<Lock> recordFailure(String username, String address) {
        String user = usernameKey(username);
        String from = addressKey(address);
        long windowSeconds = limits.window().toSeconds();
        // failures older than the window no longer count for anyone
        jdbc.sql("delete from login_failure where failed_at < now() - make_interval(secs => :window)")
                .param("window", windowSeconds).update();
        jdbc.sql("insert into login_failure (username, client_address) values (?, ?)").params(user, from).update();
        List<Lock> placed = new ArrayList<>();
        if (failuresSince("username", user, windowSeconds) >= limits.maxFailuresPerUsername()) {
            placed.add(lock(Kind.USERNAME, user, "username"));
        }
        if (failuresSince("client_address", from, windowSeconds) >= limits.maxFailuresPerAddress()) {
            placed.add(lock(Kind.ADDRESS, from, "client_address"));
        }
        return placed;
    }

    /** A successful sign-in: the user name's failures are forgiven. The address keeps its count. */
    public void recordSuccess(String username) {
        jdbc.sql("delete from login_failure where username = ?").param(usernameKey(username)).update();
    }

    private long failuresSince(String column, String value, long windowSeconds) {
        // column is one of two constants above, never user input
        return jdbc.sql("select count(*) from login_failure where " + column + " = :value"
                        + " and failed_at >= now() - make_interval(secs => :window)")
                .param("value", value).param("window", windowSeconds)
                .query(Long.class).single();
    }

    /**
     * Locks the subject and clears its failures, so that when the lock ends it starts again from zero rather
     * than being locked anew by its next mistake.
     */
    private Lock lock(Kind kind, String subject, String column) {
        Instant until = jdbc.sql("""
                insert into login_lock (kind, subject, locked_until) values (:kind, :subject, now() + make_interval(secs => :lock))
                on conflict (kind, subject) do update set locked_until = excluded.locked_until, locked_at = now()
                returning locked_until""")
                .param("kind", kind.name()).param("subject", subject).param("lock", limits.lockDuration().toSeconds())
                .query(Timestamp.class).single().toInstant();
        jdbc.sql("delete from login_failure where " + column + " = ?").param(subject).update();
        int limit = kind == Kind.USERNAME ? limits.maxFailuresPerUsername() : limits.maxFailuresPerAddress();
        audit.record(AuditEntry.of("system", "LOGIN_LOCKED_OUT", null, "login_lock",
                truncate(kind.name().toLowerCase(Locale.ROOT) + ":" + subject, 64),
                (kind == Kind.USERNAME ? "user name " : "client address ") + subject + ": " + limit
                        + " failed sign-ins within " + limits.window().toMinutes() + " minutes; signing in is paused until "
                        + until));
        return new Lock(kind, subject, until);
    }

    /** User names are compared as typed, but without surrounding blanks and case. */
    static String usernameKey(String username) {
        return truncate(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), MAX_USERNAME);
    }

    static String addressKey(String address) {
        return truncate(address == null || address.isBlank() ? "unknown" : address.strip(), MAX_ADDRESS);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
