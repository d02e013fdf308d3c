package org.gcmreview.people;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.audit.LogText;
import org.gcmreview.cycle.MailNotifier;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * "Forgot your password?": whoever types a user name or an e-mail address gets the same answer, and only the
 * account's owner gets something more, a single-use link by mail (only its hash is stored, see
 * {@link PasswordLinks}). Looking the account up and mailing happen after the answer, on a thread of their own,
 * so neither the answer nor its timing tells whether the account exists. One client address may ask a few times
 * an hour; one account gets a few links an hour, whoever asks, so nobody can flood its owner's mailbox.
 */
@Service
class PasswordResets {

    /** What the person asking is told: the same for every address, except when they asked too often. */
    enum Answer {
        ACCEPTED, TOO_MANY
    }

    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_TYPED = 200;
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final JdbcClient jdbc;
    private final UserAccountRepository accounts;
    private final PasswordLinks links;
    private final MailNotifier mail;
    private final AuditLog audit;
    private final MessageSource messages;
    private final String publicUrl;
    private final Duration validity;
    private final int perAddress;
    private final int perAccount;
    /** One thread: the mails go out one after another, and a burst of requests queues instead of piling up. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "password-reset-mail");
        thread.setDaemon(true);
        return thread;
    });

    PasswordResets(JdbcClient jdbc, UserAccountRepository accounts, PasswordLinks links, MailNotifier mail,
            AuditLog audit, MessageSource messages,
            @Value("${gcm.consultation.public-url:http://localhost:8080}") String publicUrl,
            @Value("${gcm.people.reset-validity:1h}") Duration validity,
            @Value("${gcm.people.resets-per-address:5}") int perAddress,
            @Value("${gcm.people.resets-per-account:3}") int perAccount) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.validity = validity;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
    }

    /**
     * Takes a request for a reset link. The caller has checked that something was typed; the account, if any,
     * is looked up later (see the class comment).
     */
    Answer request(String typed, String clientAddress) {
        String from = LogText.ipAddress(clientAddress).orElse("unknown");
        jdbc.sql("delete from password_reset_request where requested_at < now() - make_interval(secs => ?)")
                .param(WINDOW.toSeconds()).update();
        int recent = jdbc.sql("select count(*) from password_reset_request where client_address = ?").param(from)
                .query(Integer.class).single();
        if (recent >= perAddress) {
            audit.record(AuditEntry.of("anonymous", "PASSWORD_RESET_REFUSED", null, "sign_in", from,
                    "more than " + perAddress + " requests from this address within an hour"));
            return Answer.TOO_MANY;
        }
        jdbc.sql("insert into password_reset_request (client_address) values (?)").param(from).update();
        String name = typed.strip();
        audit.record(AuditEntry.of("anonymous", "PASSWORD_RESET_REQUESTED", null, "sign_in", from,
                "for " + LogText.clip(name, MAX_TYPED)));
        sender.execute(() -> sendIfKnown(name));
        return Answer.ACCEPTED;
    }

    /** Mails a link when the name is an enabled account's and the account has not had too many this hour. */
    private void sendIfKnown(String name) {
        try {
            CurrentUser user = accounts.findEnabledByUsernameOrEmail(name).orElse(null);
            if (user == null || user.email() == null || user.email().isBlank()) {
                return;
            }
            if (links.issuedWithin(user.id(), PasswordLinks.Purpose.RESET, WINDOW) >= perAccount) {
                audit.record(AuditEntry.of("system", "PASSWORD_RESET_NOT_SENT", user.countryIso3(), "app_user",
                        user.id(), perAccount + " reset links within an hour already"));
                return;
            }
            PasswordLinks.Issued issued = links.issue(user.id(), PasswordLinks.Purpose.RESET, validity, "password reset");
            String link = publicUrl + "/password?token=" + issued.token();
            long minutes = Math.max(1, validity.toMinutes());
            MailNotifier.Delivery delivery = mail.send(List.of(user), language -> new MailNotifier.Mail(
                    text(language, "people.reset.mail.subject"),
                    text(language, "people.reset.mail.body", user.displayName(), user.username(), link, minutes)));
            audit.record(AuditEntry.of("system", "PASSWORD_RESET_LINK_SENT", user.countryIso3(), "app_user",
                    user.id(), delivery.mailed() ? "mailed" : "mail disabled: not sent"));
        } catch (RuntimeException e) {
            // never the link or the address typed: only that it failed
            log.error("a password reset link could not be sent: {}", e.getClass().getSimpleName());
        }
    }

    private String text(Locale language, String key, Object... args) {
        return messages.getMessage(key, args, language);
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }
}
