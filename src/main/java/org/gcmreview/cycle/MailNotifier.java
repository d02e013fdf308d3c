package org.gcmreview.cycle;

import java.util.List;

import org.gcmreview.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the cycle's reminder and escalation mails. With {@code gcm.mail.enabled=false} (the default, so a
 * development run needs no SMTP server) the mail is only logged; the callers audit it either way.
 */
@Component
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    /** Who a notice went to, and whether it was really mailed or only logged. */
    public record Delivery(List<String> recipients, boolean mailed) {

        public String describe() {
            String to = recipients.isEmpty() ? "nobody (no user with an e-mail address)" : String.join(", ", recipients);
            return (mailed ? "mailed to " : "logged only (mail disabled), for ") + to;
        }
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final boolean enabled;
    private final String from;

    MailNotifier(ObjectProvider<JavaMailSender> mailSender, @Value("${gcm.mail.enabled:false}") boolean enabled,
            @Value("${gcm.mail.from:gcm-review@localhost}") String from) {
        this.mailSender = mailSender;
        this.enabled = enabled;
        this.from = from;
    }

    public Delivery send(List<CurrentUser> users, String subject, String text) {
        List<String> addresses = users.stream().map(CurrentUser::email)
                .filter(e -> e != null && !e.isBlank()).distinct().toList();
        if (addresses.isEmpty() || !enabled) {
            log.info("mail not sent (enabled={}) to {}: {}\n{}", enabled, addresses, subject, text);
            return new Delivery(addresses, false);
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("gcm.mail.enabled is true but no mail server is configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(addresses.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        // A failure throws, so the job is retried (the BPMN gives these service tasks a retry cycle).
        sender.send(message);
        return new Delivery(addresses, true);
    }
}
