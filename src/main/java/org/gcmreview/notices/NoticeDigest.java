package org.gcmreview.notices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: one mail per person listing the notices they wanted in it that no digest has listed yet,
 * grouped by cycle, in their language. Each person's notices are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * two nodes running the digest at the same hour never send one twice. A notice whose kind the person has since
 * set to "no e-mail" is left out.
 */
@Component
class NoticeDigest {

    private final NoticeStore store;
    private final NoticePreferences preferences;
    private final Notices notices;
    private final NoticeWords words;
    private final MailOutbox outbox;
    private final MailSettingsLinks links;
    private final UserAccountRepository users;
    private final TransactionTemplate transaction;
    private final boolean mailEnabled;

    NoticeDigest(NoticeStore store, NoticePreferences preferences, Notices notices, NoticeWords words,
            MailOutbox outbox, MailSettingsLinks links, UserAccountRepository users,
            PlatformTransactionManager transactions, @Value("${gcm.mail.enabled:false}") boolean mailEnabled) {
        this.store = store;
        this.preferences = preferences;
        this.notices = notices;
        this.words = words;
        this.outbox = outbox;
        this.links = links;
        this.users = users;
        this.transaction = new TransactionTemplate(transactions);
        this.mailEnabled = mailEnabled;
    }

    /** Sends every digest that is due; returns how many mails were queued. */
    int sendAll() {
        int sent = 0;
        for (long userId : store.awaitingDigest()) {
            Boolean mailed = transaction.execute(status -> sendTo(userId));
            sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
        }
        return sent;
    }

    private boolean sendTo(long userId) {
        List<Notice> waiting = store.claimForDigest(userId);
        CurrentUser user = users.findById(userId).orElse(null);
        if (waiting.isEmpty() || user == null) {
            return false;
        }
        Map<NoticeKind, MailDelivery> choices = preferences.of(userId);
        List<Notice> listed = waiting.stream().filter(n -> choices.get(n.kind()) == MailDelivery.DIGEST).toList();
        store.digested(waiting.stream().map(Notice::id).toList());
        if (listed.isEmpty() || !mailEnabled || user.email() == null || user.email().isBlank()) {
            return false;
        }
        Locale language = notices.languageOf(user);
        Map<String, List<Notice>> byCycle = new LinkedHashMap<>();
        for (Notice notice : listed) {
            byCycle.computeIfAbsent(notice.cycleKey() == null ? "" : notice.cycleKey(), k -> new ArrayList<>())
                    .add(notice);
        }
        StringBuilder body = new StringBuilder(words.message("notices.digest.intro", language, user.displayName()));
        byCycle.forEach((cycle, list) -> {
            body.append("\n\n").append(cycle.isEmpty() ? words.message("notices.digest.noCycle", language)
                    : words.message("notices.digest.cycle", language, cycle)).append('\n');
            for (Notice notice : list) {
                body.append("- ").append(words.text(notice.messageKey(), notice.arguments(), language));
                if (notice.link() != null) {
                    body.append("\n  ").append(links.absolute(notice.link()));
                }
                body.append('\n');
            }
        });
        String settings = links.url(userId);
        body.append("\n-- \n").append(words.message("notices.mail.footer", language, settings));
        outbox.enqueue(List.of(user.email()), words.message("notices.digest.subject", language, listed.size()),
                body.toString(), settings);
        return true;
    }
}
