package org.gcmreview.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.audit.LogText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts failed sign-ins per user name from one client address, and per client address, and locks that pair or
 * that address once it has failed too often (see {@link LoginThrottling}). A user name is never locked for
 * everybody: a stranger who fails with it locks only themselves out, and each further lock of the same pair
 * lasts twice as long (up to a day), so guessing from one address gets slower and slower. Everything is in PostgreSQL and uses the database's clock, so every app node
 * sees the same counts and locks, whatever the nodes' own clocks say, and a restart lifts nothing.
 */
@Service
public class LoginThrottle {

    /** What is locked: a user name from one address, or a client address (whichever user name it tries). */
    public enum Kind {
        ACCOUNT_ADDRESS, ADDRESS
    }

    static final java.time.Duration LONGEST_LOCK = java.time.Duration.ofDays(1);

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

    /** The latest end of a lock on this user name from this address, or on this address, if one is in force. */
    public Optional<Instant> lockedUntil(String username, String address) {
        return jdbc.sql("""
                select locked_until from login_lock
                 where locked_until > now()
                   and ((kind = 'ACCOUNT_ADDRESS' and subject = :pair) or (kind = 'ADDRESS' and subject = :address))
                 order by locked_until desc limit 1""")
                .param("pair", pairKey(username, address))
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
        long pairFailures = jdbc.sql("""
                select count(*) from login_failure where username = :user and client_address = :from
                   and failed_at >= now() - make_interval(secs => :window)""")
                .param("user", user).param("from", from).param("window", windowSeconds).query(Long.class).single();
        if (pairFailures >= limits.maxFailuresPerUsername()) {
            jdbc.sql("delete from login_failure where username = ? and client_address = ?").params(user, from).update();
            placed.add(lock(Kind.ACCOUNT_ADDRESS, pairKey(username, address),
                    "user name " + user + " from " + from, limits.maxFailuresPerUsername()));
        }
        long addressFailures = jdbc.sql("""
                select count(*) from login_failure where client_address = :from
                   and failed_at >= now() - make_interval(secs => :window)""")
                .param("from", from).param("window", windowSeconds).query(Long.class).single();
        if (addressFailures >= limits.maxFailuresPerAddress()) {
            jdbc.sql("delete from login_failure where client_address = ?").param(from).update();
            placed.add(lock(Kind.ADDRESS, from, "client address " + from, limits.maxFailuresPerAddress()));
        }
        return placed;
    }

    /**
     * A successful sign-in: the user name's failures from this address are forgiven, and so is its lock
     * history there. The address keeps its count.
     */
    public void recordSuccess(String username, String address) {
        jdbc.sql("delete from login_failure where username = ? and client_address = ?")
                .params(usernameKey(username), addressKey(address)).update();
        jdbc.sql("delete from login_lock where kind = 'ACCOUNT_ADDRESS' and subject = ?")
                .param(pairKey(username, address)).update();
    }

    /**
     * Locks the subject (its failures were cleared by the caller, so that when the lock ends it starts again from
     * zero). A subject locked before gets twice the previous lock, up to {@link #LONGEST_LOCK}.
     */
    private Lock lock(Kind kind, String subject, String described, int limit) {
        Instant until = jdbc.sql("""
                insert into login_lock (kind, subject, locked_until, strikes)
                values (:kind, :subject, now() + make_interval(secs => :lock), 1)
                on conflict (kind, subject) do update
                   set strikes = login_lock.strikes + 1, locked_at = now(),
                       locked_until = now() + make_interval(secs => least(:longest,
                           :lock * power(2, least(login_lock.strikes, 20))))
                returning locked_until""")
                .param("kind", kind.name()).param("subject", subject).param("lock", limits.lockDuration().toSeconds())
                .param("longest", LONGEST_LOCK.toSeconds())
                .query(Timestamp.class).single().toInstant();
        audit.record(AuditEntry.of("system", "LOGIN_LOCKED_OUT", null, "login_lock",
                truncate(kind.name().toLowerCase(Locale.ROOT) + ":" + subject, 64),
                described + ": " + limit + " failed sign-ins within " + limits.window().toMinutes()
                        + " minutes; signing in is paused there until " + until));
        return new Lock(kind, subject, until);
    }

    /** One user name from one address. */
    static String pairKey(String username, String address) {
        return usernameKey(username) + " from " + addressKey(address);
    }

    /** User names are compared as typed, but without surrounding blanks and case. */
    static String usernameKey(String username) {
        return truncate(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), MAX_USERNAME);
    }

    /** Only a valid IP address is stored; anything else counts as the one address "unknown". */
    static String addressKey(String address) {
        return truncate(LogText.ipAddress(address).orElse("unknown"), MAX_ADDRESS);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
