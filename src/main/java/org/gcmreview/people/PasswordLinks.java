package org.gcmreview.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links to set a password. The token goes to its owner (in a mail, or for the first administrator in
 * the log) and is never stored: only its SHA-256 is, so a copy of the database opens no account. A link works once
 * and until it expires; issuing a new one for an account ends the older ones.
 */
@Repository
class PasswordLinks {

    enum Purpose {
        BOOTSTRAP, INVITATION, RESET
    }

    /** The link a user follows: its token, and the account it is for. */
    record Issued(String token, long userId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    PasswordLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Issued issue(long userId, Purpose purpose, Duration validity, String createdBy) {
        jdbc.sql("update password_link set used_at = now() where user_id = ? and used_at is null").param(userId)
                .update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into password_link (user_id, token_sha256, purpose, created_by, expires_at)
                values (?, ?, ?, ?, now() + make_interval(secs => ?))""")
                .params(userId, sha256(token), purpose.name(), createdBy, validity.toSeconds()).update();
        return new Issued(token, userId);
    }

    /** The account an unused, unexpired link is for. */
    Optional<Long> valid(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select l.user_id from password_link l join app_user u on u.id = l.user_id
                 where l.token_sha256 = ? and l.used_at is null and l.expires_at > now() and u.enabled""")
                .param(sha256(token)).query(Long.class).optional();
    }

    /**
     * Uses the link up: the account it was for, or empty when it was not valid (any more). The update is the
     * check, so two concurrent uses cannot both succeed.
     */
    Optional<Long> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update password_link l set used_at = now() from app_user u
                 where u.id = l.user_id and l.token_sha256 = ? and l.used_at is null and l.expires_at > now()
                   and u.enabled
                returning l.user_id""")
                .param(sha256(token)).query(Long.class).optional();
    }

    /** How many links of this purpose the account was given within the last period (used or not). */
    int issuedWithin(long userId, Purpose purpose, Duration period) {
        return jdbc.sql("""
                select count(*) from password_link
                 where user_id = ? and purpose = ? and created_at > now() - make_interval(secs => ?)""")
                .params(userId, purpose.name(), period.toSeconds()).query(Integer.class).single();
    }

    /** Whether the account has a link that can still be used. */
    boolean hasOpenLink(long userId) {
        return jdbc.sql("select count(*) from password_link where user_id = ? and used_at is null and expires_at > now()")
                .param(userId).query(Integer.class).single() > 0;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
