package org.gcmreview.notices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.gcmreview.audit.LogText;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.web.SupportedLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Tells people something (issue 18 part 4): a notice in each recipient's notification centre, and an e-mail as
 * each of them chose for that kind of notice: at once, in the daily digest, or not at all. Every notice mail is in
 * its recipient's language and ends with a signed link to their mail settings (also as the RFC 8058 one-click
 * unsubscribe header). Runs in the caller's transaction: notices and mails exist exactly when the work does.
 */
@Service
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    /** One mail's subject and text, before the settings link is added. */
    public record NoticeMail(String subject, String text) {
    }

    private final NoticeStore store;
    private final NoticePreferences preferences;
    private final MailOutbox outbox;
    private final MailSettingsLinks links;
    private final NoticeWords words;
    private final UserAccountRepository users;
    private final boolean mailEnabled;

    Notices(NoticeStore store, NoticePreferences preferences, MailOutbox outbox, MailSettingsLinks links,
            NoticeWords words, UserAccountRepository users, @Value("${gcm.mail.enabled:false}") boolean mailEnabled) {
        this.store = store;
        this.preferences = preferences;
        this.outbox = outbox;
        this.links = links;
        this.words = words;
        this.users = users;
        this.mailEnabled = mailEnabled;
    }

    /**
     * Notifies each recipient once (a person in two of the groups asked is still one recipient).
     *
     * @param mail the mail in a given language, or null for a mail made of the notice's own words and its link
     * @return the addresses mailed at once (queued in the outbox)
     */
    public List<String> notify(NoticeKind kind, Collection<CurrentUser> recipients, NoticeText text,
            Function<Locale, NoticeMail> mail) {
        Map<Long, CurrentUser> people = new LinkedHashMap<>();
        recipients.forEach(user -> people.putIfAbsent(user.id(), user));
        List<String> mailed = new ArrayList<>();
        for (CurrentUser user : people.values()) {
            MailDelivery delivery = preferences.of(user.id(), kind);
            boolean hasAddress = user.email() != null && !user.email().isBlank();
            store.add(user.id(), kind, text, delivery == MailDelivery.DIGEST && hasAddress);
            if (delivery != MailDelivery.IMMEDIATE || !hasAddress) {
                continue;
            }
            Locale language = languageOf(user);
            NoticeMail composed = mail != null ? mail.apply(language) : ownWords(text, language);
            if (!mailEnabled) {
                log.info("notice mail due but not sent (gcm.mail.enabled=false): {}", LogText.neutral(kind.name()));
                continue;
            }
            String settings = links.url(user.id());
            outbox.enqueue(List.of(user.email()), composed.subject(),
                    composed.text() + "\n\n-- \n" + words.message("notices.mail.footer", language, settings),
                    settings);
            mailed.add(user.email());
        }
        return mailed;
    }

    Locale languageOf(CurrentUser user) {
        return users.preferredLanguage(user.id()).flatMap(SupportedLanguages::parse).orElse(SupportedLanguages.DEFAULT);
    }

    private NoticeMail ownWords(NoticeText text, Locale language) {
        String line = words.text(text.messageKey(), text.arguments(), language);
        return new NoticeMail(line, text.link() == null ? line : line + "\n\n" + links.absolute(text.link()));
    }
}
