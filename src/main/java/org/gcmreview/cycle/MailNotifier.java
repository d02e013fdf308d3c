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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the cycle's reminder and escalation mails, each recipient in the language they chose in the
 * application (English when they chose none). With {@code gcm.mail.enabled=false} (the default, so a
 * development run needs no SMTP server) the mail is only logged; the callers audit it either way.
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
            return (mailed ? "mailed to " : "logged only (mail disabled), for ") + to;
        }
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final UserAccountRepository users;
    private final boolean enabled;
    private final String from;

    MailNotifier(ObjectProvider<JavaMailSender> mailSender, UserAccountRepository users,
            @Value("${gcm.mail.enabled:false}") boolean enabled,
            @Value("${gcm.mail.from:gcm-review@localhost}") String from) {
        this.mailSender = mailSender;
        this.users = users;
        this.enabled = enabled;
        this.from = from;
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
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("gcm.mail.enabled is true but no mail server is configured (spring.mail.host)");
        }
        List<SimpleMailMessage> messages = new ArrayList<>();
        byLanguage.forEach((language, to) -> {
            Mail mail = compose.apply(language);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to.toArray(String[]::new));
            message.setSubject(mail.subject());
            message.setText(mail.text());
            messages.add(message);
        });
        // A failure throws, so the job is retried (the BPMN gives these service tasks a retry cycle).
        sender.send(messages.toArray(SimpleMailMessage[]::new));
        return new Delivery(addresses, true);
    }
}
