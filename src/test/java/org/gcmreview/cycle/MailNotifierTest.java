package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.notices.MailOutbox;
import org.gcmreview.notices.Notices;
import org.junit.jupiter.api.Test;

/** Mail goes to the outbox only when switched on, to the users that have an address, each in their own language. */
class MailNotifierTest {

    /** One mail handed to the outbox. */
    record Queued(List<String> to, String subject, String text, String unsubscribeUrl) {
    }

    final List<Queued> sent = new ArrayList<>();

    final MailOutbox recording = mock(MailOutbox.class);

    final UserAccountRepository users = mock(UserAccountRepository.class);

    MailNotifier notifier(boolean enabled) {
        when(recording.enqueue(anyList(), anyString(), anyString(), any())).thenAnswer(call -> {
            sent.add(new Queued(call.getArgument(0), call.getArgument(1), call.getArgument(2), call.getArgument(3)));
            return (long) sent.size();
        });
        return new MailNotifier(recording, mock(Notices.class), users, enabled);
    }

    static CurrentUser user(long id, String name, String email) {
        return new CurrentUser(id, name, name, email, Role.MINISTRY, "KEN", 1L, "INTERIOR", null, null);
    }

    static MailNotifier.Mail mail(Locale language) {
        return new MailNotifier.Mail("Subject " + language.getLanguage(), "Text " + language.getLanguage());
    }

    @Test
    void whenEnabledItMailsEveryoneWithAnAddressInTheirLanguage() {
        when(users.preferredLanguage(1)).thenReturn(Optional.empty());
        when(users.preferredLanguage(3)).thenReturn(Optional.of("fr"));
        when(users.preferredLanguage(4)).thenReturn(Optional.of("xx"));

        MailNotifier.Delivery delivery = notifier(true).send(List.of(user(1, "a", "a@example.org"),
                user(2, "b", null), user(3, "c", "c@example.org"), user(4, "d", "d@example.org")),
                MailNotifierTest::mail);

        assertThat(delivery.mailed()).isTrue();
        assertThat(delivery.recipients()).containsExactly("a@example.org", "c@example.org", "d@example.org");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).to()).containsExactly("a@example.org", "d@example.org");
        assertThat(sent.get(0).subject()).isEqualTo("Subject en");
        assertThat(sent.get(0).text()).isEqualTo("Text en");
        assertThat(sent.get(1).to()).containsExactly("c@example.org");
        assertThat(sent.get(1).subject()).isEqualTo("Subject fr");
        assertThat(delivery.describe()).startsWith("mailed to a@example.org");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void whenDisabledItOnlyLogs(org.springframework.boot.test.system.CapturedOutput output) {
        when(users.preferredLanguage(1)).thenReturn(Optional.empty());
        MailNotifier.Delivery delivery = notifier(false).send(List.of(user(1, "a", "a@example.org")),
                MailNotifierTest::mail);

        assertThat(sent).isEmpty();
        // the log says that a mail was due, never to whom or what it says (links in mails are secrets)
        java.util.Locale language = java.util.Locale.ENGLISH;
        assertThat(output.getAll()).contains("mail due but not sent").doesNotContain("a@example.org")
                .doesNotContain(mail(language).text());
        assertThat(delivery.mailed()).isFalse();
        assertThat(delivery.describe()).startsWith("logged only").contains("a@example.org");
    }
}
