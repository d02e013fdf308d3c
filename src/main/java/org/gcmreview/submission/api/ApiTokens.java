package org.gcmreview.submission.api;

import static org.gcmreview.support.Timestamps.instant;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only API tokens of secretariat users. A token is 32 random bytes; only its SHA-256 is stored, so a copy of
 * the database gives nobody access. It carries the scope its user had when it was made (regional commission or
 * IMRF) and is refused once the user no longer has that scope.
 */
@Repository
class ApiTokens {

    static final String PREFIX = "gcmr_";
    static final int NAME_MAX = 80;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as its owner's list shows it: never the secret. */
    public record Token(long id, String name, String prefix, Role role, String commissionCode, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** The token's owner, as it was when the token was made. */
    record Owner(long tokenId, long userId, String username, Role role, String commissionCode) {
    }

    /** Makes a token for the user and returns its secret, which is not kept anywhere: show it once. */
    String create(CurrentUser user, String name) {
        if (!user.is(Role.REGIONAL_SECRETARIAT) && !user.is(Role.IMRF_SECRETARIAT)) {
            throw new IllegalArgumentException("Only secretariat users have API tokens");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                insert into secretariat_api_token (user_id, name, token_sha256, token_prefix, role, commission_code)
                values (?, ?, ?, ?, ?, ?)""")
                .params(user.id(), name, sha256(secret), secret.substring(0, PREFIX.length() + 6), user.role().name(),
                        user.is(Role.REGIONAL_SECRETARIAT) ? user.commissionCode() : null)
                .update();
        return secret;
    }

    List<Token> of(long userId) {
        return jdbc.sql("""
                select id, name, token_prefix, role, commission_code, created_at, last_used_at, revoked_at
                  from secretariat_api_token where user_id = ? order by created_at desc, id desc""")
                .param(userId)
                .query((rs, n) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        Role.valueOf(rs.getString("role")), rs.getString("commission_code"),
                        rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    /** Revokes one of the user's own tokens; false when the user has no such (unrevoked) token. */
    boolean revoke(long userId, long tokenId) {
        return jdbc.sql("""
                update secretariat_api_token set revoked_at = now()
                 where id = ? and user_id = ? and revoked_at is null""").params(tokenId, userId).update() == 1;
    }

    /**
     * The owner of an unrevoked token whose user is still enabled and still has the token's role and commission;
     * empty for anything else. Marks the token as used.
     */
    Optional<Owner> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<Owner> owner = jdbc.sql("""
                select t.id, u.id as user_id, u.username, t.role, t.commission_code
                  from secretariat_api_token t join app_user u on u.id = t.user_id
                 where t.token_sha256 = ? and t.revoked_at is null and u.enabled
                   and u.role = t.role and u.commission_code is not distinct from t.commission_code""")
                .param(sha256(secret))
                .query((rs, n) -> new Owner(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
                        Role.valueOf(rs.getString("role")), rs.getString("commission_code")))
                .optional();
        owner.ifPresent(o -> jdbc.sql("update secretariat_api_token set last_used_at = now() where id = ?")
                .param(o.tokenId()).update());
        return owner;
    }

    static String sha256(String secret) {
        return Sha256.hex(secret);
    }
}
