package org.gcmreview.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free port of the loopback interface, for tests that check the mails
 * the drafting timers send. The port is chosen before the Spring context starts, so it can be configured.
 */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the application's mail to the SMTP server on this port of the loopback interface. */
    public static void sendMailTo(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    /**
     * A GreenMail SMTP server on a free port, started now: for a static field of a test class that needs the port
     * before its context starts and stops the server after all its tests.
     */
    public static GreenMail startedOnFreePort() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    /** GreenMail for one test class, accepting any sender and recipient without authentication. */
    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    /** One received mail: its To addresses, subject and plain text. */
    public record Received(List<String> to, String subject, String body) {

        public static Received of(MimeMessage message) {
            try {
                Address[] to = message.getAllRecipients();
                return new Received(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                        message.getSubject(), String.valueOf(message.getContent()).replace("\r\n", "\n"));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The distinct mails received (GreenMail keeps one copy per recipient; a mail to three people is one mail
     * here).
     */
    public static List<Received> mails(GreenMailExtension greenMail) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Received::of).distinct().toList();
    }
}
