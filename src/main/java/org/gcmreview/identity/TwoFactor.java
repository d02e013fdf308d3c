package org.gcmreview.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor sign-in with an authenticator app (TOTP, {@link Totp}): setting it up, checking a code or a
 * recovery code, turning it off, and the countries that require it. A code works once (its time step is
 * remembered); a recovery code works once (only its hash is kept). Every change is audited; codes and secrets
 * never are.
 * <p>Larger than 250 lines on purpose: set-up, codes, recovery codes and the country rule share one account row and
 * one audit wording; splitting them would spread the secret's handling over several classes.
 */
@Service
public class TwoFactor {

    /** Who may turn it on: everyone who works in the review, not the stakeholders' organisations. */
    public static boolean offeredTo(CurrentUser user) {
        return !user.is(Role.STAKEHOLDER);
    }

    /** What a typed code turned out to be. */
    public enum Check {
        CODE, RECOVERY_CODE, WRONG
    }

    /** A secret being set up: as text to type into the app, and as the otpauth:// URI a QR code carries. */
    public record Enrolment(String secret, String uri) {
    }

    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final String issuer;

    TwoFactor(JdbcClient jdbc, AuditLog audit, Optional<Clock> clock,
            @org.springframework.beans.factory.annotation.Value("${gcm.two-factor.issuer:gcm-review}") String issuer) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
        this.issuer = issuer;
    }

    /** Whether the user has a confirmed authenticator, so signing in asks for a code. */
    public boolean enrolled(long userId) {
        return jdbc.sql("select count(*) from totp_credential where user_id = ? and confirmed_at is not null")
                .param(userId).query(Integer.class).single() > 0;
    }

    /** Whether the user's country requires two-factor sign-in of them (its coordinator and focal points). */
    public boolean requiredFor(CurrentUser user) {
        return (user.is(Role.COORDINATOR) || user.is(Role.MINISTRY)) && user.countryIso3() != null
                && countryRequires(user.countryIso3());
    }

    public boolean countryRequires(String iso3) {
        return jdbc.sql("select count(*) from two_factor_country where country_iso3 = ?").param(iso3)
                .query(Integer.class).single() > 0;
    }

    /** The countries that require it, by ISO code. */
    public List<String> requiringCountries() {
        return jdbc.sql("select country_iso3 from two_factor_country order by country_iso3").query(String.class)
                .list().stream().map(String::strip).toList();
    }

    /** Sets whether the country requires it; audited when it changes. Returns whether anything changed. */
    @Transactional
    public boolean requireForCountry(String iso3, boolean required, CurrentUser by) {
        int changed = required
                ? jdbc.sql("insert into two_factor_country (country_iso3, required_by) values (?, ?) on conflict do nothing")
                        .params(iso3, by.username()).update()
                : jdbc.sql("delete from two_factor_country where country_iso3 = ?").param(iso3).update();
        if (changed > 0) {
            audit.record(AuditEntry.of(by.username(), required ? "TWO_FACTOR_REQUIRED" : "TWO_FACTOR_NOT_REQUIRED",
                    iso3, "country", iso3, null));
        }
        return changed > 0;
    }

    /**
     * A new secret for the user to set up (replacing one not yet confirmed). Empty when an authenticator is
     * already confirmed: that one must be turned off first, so nobody with a stolen session swaps it silently.
     */
    @Transactional
    public Optional<Enrolment> startEnrolment(CurrentUser user) {
        if (enrolled(user.id())) {
            return Optional.empty();
        }
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        String secret = Base32.encode(key);
        jdbc.sql("""
                insert into totp_credential (user_id, secret) values (?, ?)
                on conflict (user_id) do update set secret = excluded.secret, created_at = now(), last_used_step = -1""")
                .params(user.id(), secret).update();
        return Optional.of(enrolment(user, secret));
    }

    /** The secret being set up, to show again (after a mistyped code). */
    public Optional<Enrolment> pendingEnrolment(CurrentUser user) {
        return jdbc.sql("select secret from totp_credential where user_id = ? and confirmed_at is null")
                .param(user.id()).query(String.class).optional().map(secret -> enrolment(user, secret));
    }

    /**
     * Confirms the authenticator being set up with a code from it: on success, the recovery codes (shown once,
     * stored hashed); empty when the code is not right.
     */
    @Transactional
    public Optional<List<String>> confirm(CurrentUser user, String code) {
        Optional<String> secret = pendingEnrolment(user).map(Enrolment::secret);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(Base32.decode(secret.get()), code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        int confirmed = jdbc.sql("""
                update totp_credential set confirmed_at = now(), last_used_step = ?
                 where user_id = ? and confirmed_at is null""").params(step.getAsLong(), user.id()).update();
        if (confirmed == 0) {
            return Optional.empty();
        }
        List<String> codes = newRecoveryCodes(user.id());
        audit.record(AuditEntry.of(user.username(), "TWO_FACTOR_ENABLED", user.countryIso3(), "app_user", user.id(),
                RECOVERY_CODES + " recovery codes issued"));
        return Optional.of(codes);
    }

    /**
     * Checks a code at sign-in: a code of the authenticator (a step after the last one used), or an unused
     * recovery code, which is used up. Each update is its own check, so two requests with one code cannot both
     * pass.
     */
    @Transactional
    public Check check(CurrentUser user, String typed) {
        String text = typed == null ? "" : typed.strip();
        Optional<String> secret = jdbc.sql("select secret from totp_credential where user_id = ? and confirmed_at is not null")
                .param(user.id()).query(String.class).optional();
        if (secret.isEmpty() || text.length() > 40) {
            return Check.WRONG;
        }
        OptionalLong step = Totp.matchingStep(Base32.decode(secret.get()), text, clock.instant());
        if (step.isPresent()) {
            int used = jdbc.sql("""
                    update totp_credential set last_used_step = ?
                     where user_id = ? and confirmed_at is not null and last_used_step < ?""")
                    .params(step.getAsLong(), user.id(), step.getAsLong()).update();
            return used == 1 ? Check.CODE : Check.WRONG;
        }
        int used = jdbc.sql("""
                update recovery_code set used_at = now()
                 where id = (select id from recovery_code where user_id = ? and code_sha256 = ? and used_at is null
                             limit 1 for update)""")
                .params(user.id(), sha256(normalRecoveryCode(text))).update();
        if (used == 1) {
            audit.record(AuditEntry.of(user.username(), "RECOVERY_CODE_USED", user.countryIso3(), "app_user",
                    user.id(), unusedRecoveryCodes(user.id()) + " left"));
            return Check.RECOVERY_CODE;
        }
        return Check.WRONG;
    }

    public int unusedRecoveryCodes(long userId) {
        return jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null").param(userId)
                .query(Integer.class).single();
    }

    /** Turns it off (the caller checked a current code, and that the country does not require it). */
    @Transactional
    public void turnOff(CurrentUser user, String by) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(user.id()).update();
        int removed = jdbc.sql("delete from totp_credential where user_id = ?").param(user.id()).update();
        if (removed > 0) {
            audit.record(AuditEntry.of(by, "TWO_FACTOR_DISABLED", user.countryIso3(), "app_user", user.id(), null));
        }
    }

    /**
     * New recovery codes for one's own authenticator, after a current code from it (or an unused recovery code):
     * the old ones stop working. Empty when the code is not right or two-factor sign-in is off.
     */
    @Transactional
    public Optional<List<String>> renewRecoveryCodes(CurrentUser user, String code) {
        if (!enrolled(user.id()) || check(user, code) == Check.WRONG) {
            return Optional.empty();
        }
        List<String> codes = newRecoveryCodes(user.id());
        audit.record(AuditEntry.of(user.username(), "RECOVERY_CODES_RENEWED", user.countryIso3(), "app_user",
                user.id(), RECOVERY_CODES + " recovery codes issued, the old ones no longer work"));
        return Optional.of(codes);
    }

    /**
     * An administrator's reset of a person's two-factor sign-in (a lost phone): the authenticator and recovery
     * codes are gone, the person sets it up again (at their next sign-in when their country requires it), and
     * their open sessions end. Returns whether there was anything to reset.
     */
    @Transactional
    public boolean reset(CurrentUser person, CurrentUser by) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(person.id()).update();
        int removed = jdbc.sql("delete from totp_credential where user_id = ?").param(person.id()).update();
        if (removed > 0) {
            jdbc.sql("update app_user set rights_version = rights_version + 1 where id = ?").param(person.id())
                    .update();
            audit.record(AuditEntry.of(by.username(), "TWO_FACTOR_RESET", person.countryIso3(), "app_user",
                    person.id(), person.username()));
        }
        return removed > 0;
    }

    private List<String> newRecoveryCodes(long userId) {
        jdbc.sql("delete from recovery_code where user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            jdbc.sql("insert into recovery_code (user_id, code_sha256) values (?, ?)")
                    .params(userId, sha256(normalRecoveryCode(code.toString()))).update();
        }
        return codes;
    }

    /** Recovery codes are compared without dashes, blanks and case, as people copy them. */
    private static String normalRecoveryCode(String text) {
        return text.replace("-", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    private Enrolment enrolment(CurrentUser user, String secret) {
        String label = encode(issuer) + ":" + encode(user.username());
        return new Enrolment(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
