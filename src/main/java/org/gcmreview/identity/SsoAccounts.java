package org.gcmreview.identity;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.support.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account behind a provider's person, found by issuer and subject (never by e-mail address alone), made at
 * the first sign-in. Its role, country, ministry or commission come from the provider's claims when they add up
 * to a whole account, then and at every later sign-in (the provider stays the source of what they say); claims
 * that do not leave the account as it is, and a new account PENDING. Runs only after Spring Security checked the
 * ID token (signature, issuer, audience, expiry, nonce): a token refused there makes no account.
 */
@Service
class SsoAccounts {

    /** Refusal codes, shown on the sign-in page (login.sso.refused.*). */
    static final String DISABLED = "account_disabled";
    static final String TWO_FACTOR_REQUIRED = "two_factor_required";

    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final TwoFactor twoFactor;
    private final AuditLog audit;

    SsoAccounts(JdbcClient jdbc, UserAccountRepository accounts, TwoFactor twoFactor, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.audit = audit;
    }

    /** The account linked to this person, made or brought up to date from the claims. */
    @Transactional
    UserAccount link(String providerId, SingleSignOnProperties.Provider provider, String issuer, String subject,
            Map<String, Object> claims) {
        SsoClaims claimed = SsoClaims.read(provider, claims, accounts);
        Optional<Long> linked = jdbc.sql("select user_id from sso_identity where issuer = ? and subject = ?")
                .params(issuer, subject).query(Long.class).optional();
        long userId = linked.isPresent() ? follow(linked.get(), claimed) : create(providerId, issuer, subject,
                claims, claimed);
        jdbc.sql("update sso_identity set last_sign_in = now() where user_id = ?").param(userId).update();
        return accounts.findAccountById(userId).orElseThrow();
    }

    /**
     * Refuses (an OAuth2AuthenticationException, which the sign-in page explains) a disabled account, and one
     * whose country requires two-factor sign-in when the provider does not say it asked for a second factor.
     * Outside link's transaction, so the account and the audit of the refusal stay.
     */
    void refuseIfBarred(String providerId, SingleSignOnProperties.Provider provider, UserAccount account,
            Map<String, Object> claims) {
        CurrentUser user = account.user();
        if (!account.enabled()) {
            audit.record(AuditEntry.of(user.username(), "SSO_SIGN_IN_REFUSED", user.countryIso3(), "app_user",
                    user.id(), "disabled"));
            throw refusal(DISABLED);
        }
        if (twoFactor.requiredFor(user) && !SsoClaims.secondFactorShown(provider, claims)) {
            audit.record(AuditEntry.of(user.username(), "SSO_SIGN_IN_REFUSED", user.countryIso3(), "app_user",
                    user.id(), "no second factor at " + providerId));
            throw refusal(TWO_FACTOR_REQUIRED);
        }
    }

    private long follow(long userId, SsoClaims claimed) {
        if (!claimed.complete()) {
            return userId;
        }
        SsoClaims wanted = claimed.asAccount();
        CurrentUser now = accounts.findById(userId).orElseThrow();
        if (now.role() == wanted.role() && Objects.equals(now.countryIso3(), wanted.countryIso3())
                && Objects.equals(now.ministryId(), wanted.ministryId())
                && Objects.equals(now.commissionCode(), wanted.commissionCode())) {
            return userId;
        }
        jdbc.sql("""
                update app_user set role = ?, country_iso3 = ?, ministry_id = ?, commission_code = ?
                 where id = ? and organisation_id is null""")
                .params(wanted.role().name(), wanted.countryIso3(), wanted.ministryId(), wanted.commissionCode(),
                        userId).update();
        audit.record(AuditEntry.of(now.username(), "SSO_ACCOUNT_CHANGED", wanted.countryIso3(), "app_user", userId,
                now.role() + " -> " + describe(wanted)));
        return userId;
    }

    private long create(String providerId, String issuer, String subject, Map<String, Object> claims,
            SsoClaims claimed) {
        SsoClaims account = claimed.asAccount();
        String email = text(claims, "email");
        String preferred = Optional.ofNullable(text(claims, "preferred_username")).orElse(email);
        String displayName = Optional.ofNullable(text(claims, "name")).orElse(preferred != null ? preferred : subject);
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, email, role, country_iso3, ministry_id,
                                      commission_code)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username(preferred, issuer, subject), UserAccountRepository.NO_PASSWORD, displayName, email,
                        account.role().name(), account.countryIso3(), account.ministryId(), account.commissionCode())
                .query(Long.class).single();
        jdbc.sql("insert into sso_identity (issuer, subject, user_id, provider) values (?, ?, ?, ?)")
                .params(issuer, subject, id, providerId).update();
        String username = accounts.findById(id).orElseThrow().username();
        audit.record(AuditEntry.of(username, "SSO_ACCOUNT_CREATED", account.countryIso3(), "app_user", id,
                providerId + ": " + describe(account)));
        return id;
    }

    /** The provider's user name when free (and not one of the audit log's own names), else it with a suffix. */
    private String username(String preferred, String issuer, String subject) {
        String suffix = Sha256.hex(issuer + "\n" + subject).substring(0, 8);
        String base = preferred == null ? "sso" : preferred.strip();
        base = base.length() > 60 ? base.substring(0, 60) : base;
        boolean free = !AuditLog.OWN_ACTORS.contains(base.toLowerCase()) && !base.equals("sso")
                && jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(base)
                        .query(Integer.class).single() == 0;
        return free ? base : base + "-" + suffix;
    }

    private static String describe(SsoClaims account) {
        return account.role() + (account.countryIso3() != null ? " " + account.countryIso3() : "")
                + (account.ministryId() != null ? " ministry " + account.ministryId() : "")
                + (account.commissionCode() != null ? " " + account.commissionCode() : "");
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static OAuth2AuthenticationException refusal(String code) {
        return new OAuth2AuthenticationException(new OAuth2Error(code));
    }
}
