package org.gcmreview.people;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.MailNotifier;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.NewAccount;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Makes an account by invitation: the account has no password, and its owner gets a single-use link by e-mail to
 * set one (with mail off, the mail is written to the log, where an operator can pass it on).
 */
@Service
class Invitations {

    private final UserAccountRepository accounts;
    private final PasswordLinks links;
    private final MailNotifier mail;
    private final AuditLog audit;
    private final MessageSource messages;
    private final String publicUrl;
    private final Duration validity;

    Invitations(UserAccountRepository accounts, PasswordLinks links, MailNotifier mail, AuditLog audit,
            MessageSource messages, @Value("${gcm.consultation.public-url:http://localhost:8080}") String publicUrl,
            @Value("${gcm.people.invitation-validity:7d}") Duration validity) {
        this.accounts = accounts;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.validity = validity;
    }

    /** The new account's id, or empty when its user name (the e-mail address) is taken. */
    Optional<Long> invite(NewAccount account, CurrentUser by) {
        Optional<Long> id = accounts.createInvited(account);
        id.ifPresent(userId -> {
            audit.record(AuditEntry.of(by.username(), "ACCOUNT_INVITED", account.countryIso3(), "app_user", userId,
                    account.role() + " " + account.username()
                            + (account.commissionCode() == null ? "" : " (" + account.commissionCode() + ")")
                            + (account.ministryId() == null ? "" : " (ministry " + account.ministryId() + ")")));
            send(userId, PasswordLinks.Purpose.INVITATION, by.username());
        });
        return id;
    }

    /**
     * A new link for an account whose invitation was not taken up in time. Nothing happens while a link is still
     * open or once the password is set, so a repeated click sends no second mail; nor for an account that signs in
     * through a single sign-on provider (it has no password here, and gets none).
     */
    boolean inviteAgain(long userId, String countryIso3, CurrentUser by) {
        if (accounts.hasPassword(userId) || accounts.signsInThroughProvider(userId) || links.hasOpenLink(userId)) {
            return false;
        }
        audit.record(AuditEntry.of(by.username(), "ACCOUNT_INVITED_AGAIN", countryIso3, "app_user", userId, null));
        send(userId, PasswordLinks.Purpose.INVITATION, by.username());
        return true;
    }

    private String send(long userId, PasswordLinks.Purpose purpose, String by) {
        return send(userId, purpose, by, validity, true);
    }

    /**
     * Issues a link and, when asked, mails it (with mail off the mail is logged instead); returns the link, for
     * the first administrator's log line.
     */
    String send(long userId, PasswordLinks.Purpose purpose, String by, Duration duration, boolean mailIt) {
        PasswordLinks.Issued issued = links.issue(userId, purpose, duration, by);
        String link = publicUrl + "/password?token=" + issued.token();
        CurrentUser recipient = accounts.findById(userId).orElseThrow();
        long hours = Math.max(1, duration.toHours());
        if (!mailIt) {
            return link;
        }
        mail.send(List.of(recipient), language -> new MailNotifier.Mail(
                text(language, "people.mail.subject"),
                text(language, "people.mail.body", recipient.displayName(), recipient.username(), link, hours)));
        return link;
    }

    private String text(Locale language, String key, Object... args) {
        return messages.getMessage(key, args, language);
    }
}
