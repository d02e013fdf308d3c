package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.gcmreview.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two-factor sign-in through the real security chain: setting up an authenticator, the code step after the
 * password (valid, wrong, replayed, a recovery code, lockout), and a country's requirement forcing the set-up
 * before anything else. The authenticator's clock is fixed, so which 30-second step a code belongs to never
 * depends on when the test runs.
 */
@ApplicationTest
class TwoFactorSignInTest {

    static final String PASSWORD = "Quokka-Lantern-7431-2fa";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:15Z");
    static final Pattern SECRET = Pattern.compile("otpauth://totp/[^\"<]*secret=([A-Z2-7]+)");
    static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</code>");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock twoFactorClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
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
    void setUpThenSignInWithAValidCodeNotAWrongOrReplayedOneAndWithARecoveryCodeOnce() throws Exception {
        CurrentUser user = withPassword(users.coordinator("KEN"));
        assertThat(page(get("/account/two-factor").with(TestUsers.as(user)))).contains("Two-factor sign-in is off");
        String enrolPage = page(post("/account/two-factor/enrolment").with(TestUsers.as(user)).with(csrf()));
        assertThat(enrolPage).contains("otpauth://totp/gcm-review:").contains("<svg").contains("<path");
        byte[] key = secret(enrolPage);
        // shown as text too, in groups of four
        assertThat(enrolPage).contains(Base32.encode(key).substring(0, 4) + " " + Base32.encode(key).substring(4, 8));
        long step = Totp.step(NOW);
        mvc.perform(post("/account/two-factor/confirmation").with(TestUsers.as(user)).with(csrf())
                .param("code", otherThan(Totp.code(key, step)))).andExpect(status().isBadRequest());
        assertThat(enrolled(user)).isFalse();
        String codesPage = page(post("/account/two-factor/confirmation").with(TestUsers.as(user)).with(csrf())
                .param("code", Totp.code(key, step - 1)));
        List<String> recoveryCodes = recoveryCodes(codesPage);
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        // stored hashed only
        assertThat(jdbc.sql("select count(*) from recovery_code where user_id = ? and code_sha256 = ?")
                .params(user.id(), TwoFactor.sha256(recoveryCodes.get(0).replace("-", ""))).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from recovery_code where code_sha256 like ?")
                .param("%" + recoveryCodes.get(0) + "%").query(Integer.class).single()).isZero();
        assertThat(audited("TWO_FACTOR_ENABLED", user)).isEqualTo(1);
        // once on, a second set-up cannot replace the authenticator quietly
        mvc.perform(post("/account/two-factor/enrolment").with(TestUsers.as(user)).with(csrf()))
                .andExpect(redirectedUrl("/account/two-factor"));

        // the password alone is only halfway: every page but the code page sends back to it
        RequestPostProcessor from = address();
        MockHttpSession session = signInWithPassword(user, from, "/login/code");
        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/country/focal-points").session(session)).andExpect(redirectedUrl("/login/code"));
        mvc.perform(get("/login/code").session(session)).andExpect(status().isOk());
        mvc.perform(post("/login/code").session(session).with(csrf()).with(from)
                .param("code", otherThan(Totp.code(key, step)))).andExpect(status().isBadRequest());
        // the code of the step the set-up used is spent
        mvc.perform(post("/login/code").session(session).with(csrf()).with(from)
                .param("code", Totp.code(key, step - 1))).andExpect(status().isBadRequest());
        String halfwayId = session.getId();
        mvc.perform(post("/login/code").session(session).with(csrf()).with(from).param("code", Totp.code(key, step)))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(session.getId()).as("a new session id once signed in fully").isNotEqualTo(halfwayId);
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        assertThat(audited("TWO_FACTOR_SUCCEEDED", user)).isEqualTo(1);
        assertThat(audited("TWO_FACTOR_FAILED", user)).isEqualTo(2);

        // the same code again, in another sign-in: refused
        MockHttpSession again = signInWithPassword(user, from, "/login/code");
        mvc.perform(post("/login/code").session(again).with(csrf()).with(from).param("code", Totp.code(key, step)))
                .andExpect(status().isBadRequest());
        // a recovery code, typed in capitals without dashes: in, once
        mvc.perform(post("/login/code").session(again).with(csrf()).with(from)
                .param("code", recoveryCodes.get(3).replace("-", "").toUpperCase()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(audited("RECOVERY_CODE_USED", user)).isEqualTo(1);
        MockHttpSession third = signInWithPassword(user, from, "/login/code");
        mvc.perform(post("/login/code").session(third).with(csrf()).with(from).param("code", recoveryCodes.get(3)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/tasks").session(third)).andExpect(redirectedUrl("/login/code"));

        // turning it off takes a current code; then the password alone signs in again
        mvc.perform(post("/account/two-factor/disabled").with(TestUsers.as(user)).with(csrf()).param("code", "123"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/two-factor/disabled").with(TestUsers.as(user)).with(csrf())
                .param("code", Totp.code(key, step + 1))).andExpect(redirectedUrl("/account/two-factor"));
        assertThat(enrolled(user)).isFalse();
        signInWithPassword(user, address(), "/tasks");
        assertThat(audited("TWO_FACTOR_DISABLED", user)).isEqualTo(1);
    }

    @Test
    void wrongCodesLockTheSecondStepLikeWrongPasswordsAndAPasswordDoesNotForgiveThem() throws Exception {
        CurrentUser user = withPassword(users.regionalSecretariat("ECA"));
        byte[] key = enrol(user);
        RequestPostProcessor from = address();
        MockHttpSession session = signInWithPassword(user, from, "/login/code");
        String wrong = otherThan(Totp.code(key, Totp.step(NOW)));
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/code").session(session).with(csrf()).with(from).param("code", wrong))
                    .andExpect(status().isBadRequest());
        }
        // the right password again does not reset the count of wrong codes
        session = signInWithPassword(user, from, "/login/code");
        mvc.perform(post("/login/code").session(session).with(csrf()).with(from).param("code", wrong))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/tasks").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        // locked: even the right code does not help from there
        MockHttpSession next = signInWithPassword(user, from, "/login/code");
        mvc.perform(post("/login/code").session(next).with(csrf()).with(from)
                .param("code", Totp.code(key, Totp.step(NOW)))).andExpect(redirectedUrl("/login?locked"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_LOCKED_OUT' and details like ?")
                .param("%second factor: " + user.username() + "%").query(Integer.class).single()).isEqualTo(1);
        // from another address the owner still gets in
        RequestPostProcessor elsewhere = address();
        MockHttpSession owner = signInWithPassword(user, elsewhere, "/login/code");
        mvc.perform(post("/login/code").session(owner).with(csrf()).with(elsewhere)
                .param("code", Totp.code(key, Totp.step(NOW)))).andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void aCountryThatRequiresItMakesItsPeopleSetItUpBeforeAnythingElse() throws Exception {
        String iso3 = "T" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        jdbc.sql("delete from two_factor_country where country_iso3 = ?").param(iso3).update();
        CurrentUser coordinator = users.coordinator(iso3);
        CurrentUser focalPoint = withPassword(users.ministry(iso3, "INTERIOR"));
        mvc.perform(post("/country/two-factor").with(TestUsers.as(coordinator)).with(csrf()).param("required", "true"))
                .andExpect(redirectedUrl("/country/two-factor"));
        assertThat(page(get("/country/two-factor").with(TestUsers.as(coordinator)))).contains("requires two-factor");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TWO_FACTOR_REQUIRED' and country_iso3 = ?")
                .param(iso3).query(Integer.class).single()).isEqualTo(1);

        RequestPostProcessor from = address();
        MockHttpSession session = signInWithPassword(focalPoint, from, "/account/two-factor");
        mvc.perform(get("/tasks").session(session)).andExpect(redirectedUrl("/account/two-factor"));
        mvc.perform(get("/login/code").session(session)).andExpect(redirectedUrl("/account/two-factor"));
        assertThat(page(get("/account/two-factor").session(session))).contains("Your country requires two-factor");
        byte[] key = secret(page(post("/account/two-factor/enrolment").session(session).with(csrf())));
        String halfwayId = session.getId();
        String codes = page(post("/account/two-factor/confirmation").session(session).with(csrf())
                .param("code", Totp.code(key, Totp.step(NOW))));
        assertThat(recoveryCodes(codes)).hasSize(10);
        assertThat(session.getId()).isNotEqualTo(halfwayId);
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());
        // required: it cannot be turned off
        mvc.perform(post("/account/two-factor/disabled").session(session).with(csrf())
                .param("code", Totp.code(key, Totp.step(NOW) + 1))).andExpect(status().isBadRequest());
        assertThat(enrolled(focalPoint)).isTrue();
        // from now on the focal point signs in with a code
        signInWithPassword(focalPoint, from, "/login/code");

        // the administrator lifts it; stakeholders have no such pages
        mvc.perform(post("/admin/two-factor").with(TestUsers.as(users.admin())).with(csrf()).param("country", iso3)
                .param("required", "false")).andExpect(redirectedUrl("/admin/two-factor"));
        assertThat(jdbc.sql("select count(*) from two_factor_country where country_iso3 = ?").param(iso3)
                .query(Integer.class).single()).isZero();
        mvc.perform(post("/admin/two-factor").with(TestUsers.as(users.admin())).with(csrf()).param("country", "XX'")
                .param("required", "true")).andExpect(status().isBadRequest());
        mvc.perform(get("/account/two-factor").with(TestUsers.as(users.stakeholder("KEN", "Org " + UUID.randomUUID()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() throws Exception {
        CurrentUser user = withPassword(users.coordinator("KEN"));
        byte[] key = secret(page(post("/account/two-factor/enrolment").with(TestUsers.as(user)).with(csrf())));
        List<String> old = recoveryCodes(page(post("/account/two-factor/confirmation").with(TestUsers.as(user))
                .with(csrf()).param("code", Totp.code(key, Totp.step(NOW) - 1))));
        assertThat(old).hasSize(10);
        // a wrong code makes none
        mvc.perform(post("/account/two-factor/recovery-codes").with(TestUsers.as(user)).with(csrf())
                .param("code", otherThan(Totp.code(key, Totp.step(NOW))))).andExpect(status().isBadRequest());
        List<String> renewed = recoveryCodes(page(post("/account/two-factor/recovery-codes").with(TestUsers.as(user))
                .with(csrf()).param("code", Totp.code(key, Totp.step(NOW)))));
        assertThat(renewed).hasSize(10).doesNotContainAnyElementsOf(old);
        assertThat(audited("RECOVERY_CODES_RENEWED", user)).isEqualTo(1);
        RequestPostProcessor from = address();
        MockHttpSession session = signInWithPassword(user, from, "/login/code");
        mvc.perform(post("/login/code").session(session).with(csrf()).with(from).param("code", old.get(0)))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/login/code").session(session).with(csrf()).with(from).param("code", renewed.get(0)))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void anAdministratorResetsAPersonsTwoFactorSignIn() throws Exception {
        CurrentUser user = withPassword(users.coordinator("KEN"));
        enrol(user);
        long version = jdbc.sql("select rights_version from app_user where id = ?").param(user.id())
                .query(Long.class).single();
        CurrentUser admin = users.admin();
        mvc.perform(post("/admin/two-factor/reset").with(TestUsers.as(users.coordinator("KEN"))).with(csrf())
                .param("username", user.username())).andExpect(status().isForbidden());
        assertThat(enrolled(user)).isTrue();
        mvc.perform(post("/admin/two-factor/reset").with(TestUsers.as(admin)).with(csrf())
                .param("username", "nobody-" + UUID.randomUUID())).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/two-factor/reset").with(TestUsers.as(admin)).with(csrf())
                .param("username", user.username())).andExpect(redirectedUrl("/admin/two-factor"));
        assertThat(enrolled(user)).isFalse();
        assertThat(jdbc.sql("select count(*) from recovery_code where user_id = ?").param(user.id())
                .query(Integer.class).single()).isZero();
        assertThat(audited("TWO_FACTOR_RESET", user)).isEqualTo(1);
        // open sessions end; the next sign-in asks for no code (the person sets it up again)
        assertThat(jdbc.sql("select rights_version from app_user where id = ?").param(user.id())
                .query(Long.class).single()).isGreaterThan(version);
        signInWithPassword(user, address(), "/tasks");
    }

    private MockHttpSession signInWithPassword(CurrentUser user, RequestPostProcessor from, String expected)
            throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user.username()).param("password", PASSWORD)
                        .with(csrf()).with(from))
                .andExpect(redirectedUrl(expected)).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private byte[] enrol(CurrentUser user) throws Exception {
        byte[] key = secret(page(post("/account/two-factor/enrolment").with(TestUsers.as(user)).with(csrf())));
        page(post("/account/two-factor/confirmation").with(TestUsers.as(user)).with(csrf())
                .param("code", Totp.code(key, Totp.step(NOW) - 1)));
        assertThat(enrolled(user)).isTrue();
        return key;
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static byte[] secret(String page) {
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("an otpauth URI in the page").isTrue();
        return Base32.decode(m.group(1));
    }

    private static List<String> recoveryCodes(String page) {
        List<String> codes = new ArrayList<>();
        Matcher m = RECOVERY.matcher(page);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    private CurrentUser withPassword(CurrentUser user) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode(PASSWORD), user.id())
                .update();
        return user;
    }

    private boolean enrolled(CurrentUser user) {
        return jdbc.sql("select count(*) from totp_credential where user_id = ? and confirmed_at is not null")
                .param(user.id()).query(Integer.class).single() > 0;
    }

    private int audited(String action, CurrentUser user) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject_id = ?")
                .params(action, String.valueOf(user.id())).query(Integer.class).single();
    }

    private static RequestPostProcessor address() {
        String address = "10.88." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
