package org.gcmreview.people;

import java.time.Duration;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.NewAccount;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator of an empty deployment. With {@code gcm.bootstrap.admin-email} set and no administrator
 * in the database, an ADMIN account with that address as user name is made at start-up, and a single-use link to
 * set its password is printed once to the log (and mailed when mail is on). Once any administrator exists this
 * does nothing, except renew the link of that same first administrator while it has never set a password and its
 * link has expired (otherwise an unlucky expiry would lock the deployment out for good).
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    /** Several nodes may start at once on an empty database: one makes the administrator. */
    private static final long LOCK = 0x6763_6d5f_6164_6d6eL;

    private final String email;
    private final Duration validity;
    /** With mail off the link is only in the log line below, not also in a logged mail. */
    private final boolean mailEnabled;
    private final People people;
    private final UserAccountRepository accounts;
    private final PasswordLinks links;
    private final Invitations invitations;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BootstrapAdministrator(@Value("${gcm.bootstrap.admin-email:}") String email,
            @Value("${gcm.bootstrap.link-validity:24h}") Duration validity,
            @Value("${gcm.mail.enabled:false}") boolean mailEnabled, People people,
            UserAccountRepository accounts, PasswordLinks links, Invitations invitations, AuditLog audit,
            JdbcClient jdbc, TransactionTemplate transaction) {
        this.email = email == null ? "" : email.strip();
        this.validity = validity;
        this.mailEnabled = mailEnabled;
        this.people = people;
        this.accounts = accounts;
        this.links = links;
        this.invitations = invitations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isEmpty()) {
            return;
        }
        Optional<String> link = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).optional();
            return bootstrap();
        });
        link.ifPresent(l -> log.warn("""

                ==== gcm-review: first administrator {} ====
                Set its password within {} hours, once, at:
                {}
                ====""", email, validity.toHours(), l));
    }

    private Optional<String> bootstrap() {
        if (!people.anyAdministrator()) {
            long id = accounts.createInvited(new NewAccount(email, "Administrator", email, Role.ADMIN, null, null, null,
                    null)).orElseThrow(() -> new IllegalStateException(
                            "gcm.bootstrap.admin-email " + email + " is already the user name of another account"));
            audit.record(AuditEntry.of("system", "BOOTSTRAP_ADMIN_CREATED", null, "app_user", id, email));
            return Optional.of(invitations.send(id, PasswordLinks.Purpose.BOOTSTRAP, "system", validity, mailEnabled));
        }
        return people.byUsername(email)
                .filter(p -> p.role() == Role.ADMIN && p.enabled() && !p.passwordSet() && !links.hasOpenLink(p.id()))
                .filter(p -> people.onlyAdministrator(p.id()))
                .map(p -> {
                    audit.record(AuditEntry.of("system", "BOOTSTRAP_LINK_RENEWED", null, "app_user", p.id(), email));
                    return invitations.send(p.id(), PasswordLinks.Purpose.BOOTSTRAP, "system", validity, mailEnabled);
                });
    }
}
