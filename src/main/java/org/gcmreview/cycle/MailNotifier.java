package org.gcmreview.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.web.SupportedLanguages;
import org.gcmreview.audit.LogText;
import org.gcmreview.notices.MailOutbox;
import org.gcmreview.notices.NoticeKind;
import org.gcmreview.notices.NoticeText;
import org.gcmreview.notices.Notices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the cycle's reminder and escalation mails, each recipient in the language they chose in the
 * application (English when they chose none), through the {@link MailOutbox}. With {@code gcm.mail.enabled=false}
 * (the default, so a development run needs no SMTP server) the mail is only logged; the callers audit it either
 * way.
 */
@Component
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    /** One mail's subject and text. */
    public record Mail(String subject, String text) {
    }

    /** Who a notice went to, and whether it was really mailed or only logged. */
    public record Delivery(List<String> recipients, boolean mailed) {

        public String describe() {
            String to = recipients.isEmpty() ? "nobody (no user with an e-mail address)" : String.join(", ", recipients);
            // "mailed": handed to the outbox, which delivers and retries on its own
            return (mailed ? "mailed to " : "logged only (mail disabled), for ") + to;
        }
    }

    private final MailOutbox outbox;
    private final Notices notices;
    private final UserAccountRepository users;
    private final boolean enabled;

    MailNotifier(MailOutbox outbox, Notices notices, UserAccountRepository users,
            @Value("${gcm.mail.enabled:false}") boolean enabled) {
        this.outbox = outbox;
        this.notices = notices;
        this.users = users;
        this.enabled = enabled;
    }

    /**
     * A notice of a kind people choose how to get (issue 18 part 4): in each recipient's notification centre, and
     * by e-mail at once, in the daily digest or not at all as each of them chose; one mail per person, in their
     * language, with the link to their mail settings. The delivery names the people mailed at once.
     */
    public Delivery notify(NoticeKind kind, List<CurrentUser> recipients, NoticeText text,
            Function<Locale, Mail> compose) {
        List<String> mailed = notices.notify(kind, recipients, text, language -> {
            Mail mail = compose.apply(language);
            return new Notices.NoticeMail(mail.subject(), mail.text());
        });
        if (!enabled) {
            return new Delivery(recipients.stream().map(CurrentUser::email)
                    .filter(e -> e != null && !e.isBlank()).distinct().toList(), false);
        }
        return new Delivery(mailed, true);
    }

    /** Mails the users with an address, one mail per language, composed in that language. */
    public Delivery send(List<CurrentUser> recipients, Function<Locale, Mail> compose) {
        Map<Locale, List<String>> byLanguage = new LinkedHashMap<>();
        List<String> addresses = new ArrayList<>();
        for (CurrentUser user : recipients) {
            String email = user.email();
            if (email == null || email.isBlank() || addresses.contains(email)) {
                continue;
            }
            addresses.add(email);
            Locale language = users.preferredLanguage(user.id()).flatMap(SupportedLanguages::parse)
                    .orElse(SupportedLanguages.DEFAULT);
            byLanguage.computeIfAbsent(language, k -> new ArrayList<>()).add(email);
        }
        if (addresses.isEmpty() || !enabled) {
            Mail mail = compose.apply(SupportedLanguages.DEFAULT);
            // that it was due, never the addresses or the text
            log.info("mail due but not sent (enabled={}) to {} recipient(s): {}", enabled, addresses.size(),
                    LogText.neutral(mail.subject()));
            return new Delivery(addresses, false);
        }
        // Into the outbox, in the caller's transaction: a mail server that is down never fails the process's
        // job nor the request; the outbox retries on its own and shows a mail that finally fails to the admin.
        byLanguage.forEach((language, to) -> {
            Mail mail = compose.apply(language);
            outbox.enqueue(to, mail.subject(), mail.text(), null);
        });
        return new Delivery(addresses, true);
    }
}
