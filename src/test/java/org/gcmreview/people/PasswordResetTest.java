package org.gcmreview.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.TestSmtp;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

/**
 * "Forgot your password?" with real mail (GreenMail): the link is mailed to the account's owner only, only its hash
 * is stored, it works once and not after it expires, the answer is the same whether the account exists, and both
 * the asking address and the account have a limit. The mails go out one after another on one thread, so a mail
 * that arrives after a request for an unknown name proves that request was handled and mailed nothing.
 */
@ApplicationTest(properties = {"gcm.mail.enabled=true", "gcm.consultation.public-url=https://gcm.example.org"})
class PasswordResetTest {

    static final int SMTP_PORT = TestSmtp.freePort();
    static final Pattern LINK = Pattern.compile("https://gcm\\.example\\.org/password\\?token=([A-Za-z0-9_-]+)");
    static final String OLD_PASSWORD = "the old and forgotten password";
    static final String NEW_PASSWORD = "a brand new long password";

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestSmtp.sendMailTo(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestUsers users;

    @Test
    void theOwnerGetsASingleUseLinkAndNobodyLearnsWhetherAnAccountExists() throws Exception {
        CurrentUser user = userWithPassword();
        RequestPostProcessor from = address();
        // a name nobody has: the same answer, and (as the next mail proves) no mail and no link
        ask("nobody-" + UUID.randomUUID() + "@example.org", from).andExpect(redirectedUrl("/login?resetRequested"));
        // the e-mail address in another case than stored
        ask(user.email().toUpperCase(), from).andExpect(redirectedUrl("/login?resetRequested"));
        List<TestSmtp.Received> mails = awaitMails(1);
        assertThat(mails.get(0).to()).containsExactly(user.email());
        String token = token(mails.get(0));
        assertThat(jdbc.sql("select count(*) from password_link where token_sha256 = ?").param(token)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select purpose from password_link where token_sha256 = ?")
                .param(PasswordLinks.sha256(token)).query(String.class).single()).isEqualTo("RESET");
        assertThat(audited("PASSWORD_RESET_REQUESTED", null)).isGreaterThanOrEqualTo(2);
        // the mail arrives before the sender records that it went: the audit entry follows it by a moment
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audited("PASSWORD_RESET_LINK_SENT", user.id())).isEqualTo(1));

        // signed in elsewhere with the old password: that session ends with the new password
        MockHttpSession elsewhere = (MockHttpSession) mvc.perform(formLogin("/login").user(user.username())
                .password(OLD_PASSWORD)).andExpect(authenticated()).andReturn().getRequest().getSession();
        mvc.perform(get("/tasks").session(elsewhere)).andExpect(status().isOk());

        mvc.perform(get("/password").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/password").with(csrf()).param("token", token).param("password", NEW_PASSWORD)
                .param("passwordRepeated", NEW_PASSWORD)).andExpect(redirectedUrl("/login?passwordSet"));
        mvc.perform(formLogin("/login").user(user.username()).password(OLD_PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(user.username()).password(NEW_PASSWORD)).andExpect(authenticated());
        mvc.perform(get("/tasks").session(elsewhere)).andExpect(status().is3xxRedirection());
        assertThat(audited("PASSWORD_SET", user.id())).isEqualTo(1);
        // used once
        mvc.perform(post("/password").with(csrf()).param("token", token).param("password", OLD_PASSWORD)
                .param("passwordRepeated", OLD_PASSWORD)).andExpect(status().isNotFound());
    }

    @Test
    void anExpiredLinkDoesNotWork() throws Exception {
        CurrentUser user = userWithPassword();
        ask(user.username(), address()).andExpect(redirectedUrl("/login?resetRequested"));
        String token = token(awaitMails(1).get(0));
        jdbc.sql("update password_link set expires_at = now() - interval '1 second' where token_sha256 = ?")
                .param(PasswordLinks.sha256(token)).update();
        mvc.perform(get("/password").param("token", token)).andExpect(status().isNotFound());
        mvc.perform(post("/password").with(csrf()).param("token", token).param("password", NEW_PASSWORD)
                .param("passwordRepeated", NEW_PASSWORD)).andExpect(status().isNotFound());
        mvc.perform(formLogin("/login").user(user.username()).password(OLD_PASSWORD)).andExpect(authenticated());
    }

    @Test
    void anAccountGetsAFewLinksAnHourWhoeverAsks() throws Exception {
        CurrentUser user = userWithPassword();
        for (int i = 0; i < 4; i++) {
            // each from an address of its own, so only the account's limit applies
            ask(user.username(), address()).andExpect(redirectedUrl("/login?resetRequested"));
        }
        // a marker mail to another account, queued after the four: once it is in, all four were handled
        CurrentUser marker = userWithPassword();
        ask(marker.username(), address()).andExpect(redirectedUrl("/login?resetRequested"));
        List<TestSmtp.Received> mails = awaitMails(4);
        assertThat(mails.stream().filter(m -> m.to().contains(user.email())).count()).isEqualTo(3);
        assertThat(mails.get(3).to()).containsExactly(marker.email());
        assertThat(audited("PASSWORD_RESET_NOT_SENT", user.id())).isEqualTo(1);
        // issuing a link ends the older ones: only the last works
        List<String> tokens = mails.stream().filter(m -> m.to().contains(user.email())).map(this::token).toList();
        mvc.perform(get("/password").param("token", tokens.get(0))).andExpect(status().isNotFound());
        mvc.perform(get("/password").param("token", tokens.get(2))).andExpect(status().isOk());
    }

    @Test
    void oneAddressMayAskAFewTimesAnHour() throws Exception {
        RequestPostProcessor from = address();
        for (int i = 0; i < 5; i++) {
            ask("nobody-" + UUID.randomUUID(), from).andExpect(redirectedUrl("/login?resetRequested"));
        }
        String page = ask("nobody-" + UUID.randomUUID(), from).andExpect(status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many links were asked for from here");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PASSWORD_RESET_REFUSED'")
                .query(Integer.class).single()).isPositive();
        // another address is not held up
        ask("nobody-" + UUID.randomUUID(), address()).andExpect(redirectedUrl("/login?resetRequested"));
    }

    @Test
    void theSignInPageOffersItAndEmptyOrOverlongNamesAreRefused() throws Exception {
        assertThat(mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/password/forgotten\"").contains("Forgot your password?");
        mvc.perform(get("/password/forgotten")).andExpect(status().isOk());
        ask("   ", address()).andExpect(status().isBadRequest());
        ask("x".repeat(201), address()).andExpect(status().isBadRequest());
        mvc.perform(post("/password/forgotten").param("name", "someone")).andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions ask(String name, RequestPostProcessor from)
            throws Exception {
        return mvc.perform(post("/password/forgotten").with(csrf()).with(from).param("name", name));
    }

    private CurrentUser userWithPassword() {
        CurrentUser user = users.coordinator("KEN");
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(OLD_PASSWORD), user.id())
                .update();
        return user;
    }

    /** Mails are kept across the tests of this class: these are the ones that arrive from now on. */
    private List<TestSmtp.Received> awaitMails(int count) {
        int before = seen;
        assertThat(smtp.waitForIncomingEmail(20_000, before + count)).as("%s mails arrived", count).isTrue();
        List<TestSmtp.Received> all = TestSmtp.mails(smtp);
        seen = all.size();
        return all.subList(before, all.size());
    }

    private static int seen;

    private String token(TestSmtp.Received mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as("a link in %s", mail.body()).isTrue();
        return m.group(1);
    }

    private int audited(String action, Long userId) {
        if (userId == null) {
            return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class)
                    .single();
        }
        return jdbc.sql("select count(*) from audit_event where action = ? and subject_id = ?")
                .params(action, userId.toString()).query(Integer.class).single();
    }

    private static RequestPostProcessor address() {
        String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current()
                .nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
