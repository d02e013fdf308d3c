package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Mail goes out only when switched on, to the users that have an address. */
class MailNotifierTest {

    final List<SimpleMailMessage> sent = new ArrayList<>();

    final JavaMailSender recording = new JavaMailSenderImpl() {
        @Override
        public void send(SimpleMailMessage... messages) {
            sent.addAll(List.of(messages));
        }
    };

    MailNotifier notifier(boolean enabled) {
        var beans = new StaticListableBeanFactory(Map.of("mailSender", recording));
        return new MailNotifier(beans.getBeanProvider(JavaMailSender.class), enabled, "gcm@example.org");
    }

    static CurrentUser user(String name, String email) {
        return new CurrentUser(1, name, name, email, Role.MINISTRY, "KEN", 1L, "INTERIOR", null, null);
    }

    @Test
    void whenEnabledItMailsEveryoneWithAnAddress() {
        MailNotifier.Delivery delivery = notifier(true).send(
                List.of(user("a", "a@example.org"), user("b", null), user("c", "c@example.org")), "Subject", "Text");

        assertThat(delivery.mailed()).isTrue();
        assertThat(delivery.recipients()).containsExactly("a@example.org", "c@example.org");
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.getTo()).containsExactly("a@example.org", "c@example.org");
            assertThat(m.getFrom()).isEqualTo("gcm@example.org");
            assertThat(m.getSubject()).isEqualTo("Subject");
            assertThat(m.getText()).isEqualTo("Text");
        });
        assertThat(delivery.describe()).startsWith("mailed to a@example.org");
    }

    @Test
    void whenDisabledItOnlyLogs() {
        MailNotifier.Delivery delivery = notifier(false).send(List.of(user("a", "a@example.org")), "S", "T");

        assertThat(sent).isEmpty();
        assertThat(delivery.mailed()).isFalse();
        assertThat(delivery.describe()).startsWith("logged only").contains("a@example.org");
    }
}
