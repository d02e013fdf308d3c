package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Login throttling (defaults: 5 failures of a user name from one address, or 20 from one address, within 15
 * minutes lock that pair or that address for 15 minutes, doubling with each further lock). Every test signs in from its own made-up client address, so the tests never lock each other (or the
 * other tests' 127.0.0.1) out. Time passing is simulated by moving the stored timestamps back.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest {

    private static final String PASSWORD = "Pangolin-Orchard-1187";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TestUsers users;

    CurrentUser coordinator;
    String passwordHash;
    String address;

    @BeforeEach
    void coordinatorWithAPassword() {
        coordinator = withPassword(users.coordinator("KEN"));
        address = "2001:db8::" + UUID.randomUUID().toString().substring(0, 4);
    }

    @Test
    void fiveFailuresLockTheUserNameFromThatAddressEvenForTheRightPassword() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(coordinator.username(), "wrong-" + attempt, address).andExpect(redirectedUrl("/login?error"));
        }
        assertThat(audits("LOGIN_LOCKED_OUT", "%" + coordinator.username() + "%")).isZero();
        signIn(coordinator.username(), "wrong-5", address).andExpect(redirectedUrl("/login?error"));
        assertThat(audits("LOGIN_LOCKED_OUT", "%" + coordinator.username() + "%")).isEqualTo(1);

        signIn(coordinator.username(), PASSWORD, address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        // the lock is on the user name from that address only: a stranger cannot keep the real user out
        signIn(coordinator.username(), PASSWORD, "2001:db8::beef")
                .andExpect(authenticated().withUsername(coordinator.username()));
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Signing in is paused for 15 minutes, even with the right password")));
        assertThat(jdbc.sql("""
                select count(*) from login_lock where kind = 'ACCOUNT_ADDRESS' and subject = ?
                   and locked_until between now() + interval '14 minutes' and now() + interval '15 minutes'""")
                .param(LoginThrottle.pairKey(coordinator.username(), address)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and actor = ?")
                .param(coordinator.username()).query(Long.class).single()).isEqualTo(6);
    }

    /** Each further lock of the same user name from the same address lasts twice as long. */
    @Test
    void locksOfTheSamePairGrowLonger() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(coordinator.username(), "wrong-" + attempt, address);
        }
        // the first lock has run out; five more failures lock for 30 minutes, then 60
        for (int expectedMinutes : new int[] {30, 60}) {
            jdbc.sql("update login_lock set locked_until = now() - interval '1 second' where subject = ?")
                    .param(LoginThrottle.pairKey(coordinator.username(), address)).update();
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(coordinator.username(), "wrong-again-" + attempt, address);
            }
            assertThat(jdbc.sql("""
                    select extract(epoch from locked_until - locked_at) / 60 from login_lock where subject = ?""")
                    .param(LoginThrottle.pairKey(coordinator.username(), address)).query(Double.class).single())
                    .isBetween(expectedMinutes - 0.1, expectedMinutes + 0.1);
        }
    }

    @Test
    void theLockEndsAfterItsTimeAndTheCountStartsAgain() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(coordinator.username(), "wrong-" + attempt, address);
        }
        signIn(coordinator.username(), PASSWORD, address).andExpect(redirectedUrl("/login?locked"));

        // fifteen minutes later
        jdbc.sql("update login_lock set locked_until = now() - interval '1 second' where subject = ?")
                .param(LoginThrottle.pairKey(coordinator.username(), address)).update();
        signIn(coordinator.username(), "wrong-again", address).andExpect(redirectedUrl("/login?error"));
        signIn(coordinator.username(), PASSWORD, address)
                .andExpect(authenticated().withUsername(coordinator.username()))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void aSuccessfulSignInForgivesTheUserNamesEarlierFailures() throws Exception {
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(coordinator.username(), "wrong-" + attempt, address);
        }
        signIn(coordinator.username(), PASSWORD, address).andExpect(authenticated());
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(coordinator.username(), "wrong-again-" + attempt, address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(coordinator.username(), PASSWORD, address).andExpect(authenticated());
        assertThat(jdbc.sql("select count(*) from login_lock where subject = ?")
                .param(LoginThrottle.pairKey(coordinator.username(), address)).query(Long.class).single()).isZero();
    }

    /** Unknown user names are counted and locked like real ones, so a lock tells nobody whether a name exists. */
    @Test
    void unknownUserNamesAreThrottledLikeKnownOnes() throws Exception {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(nobody, "guess-" + attempt, address).andExpect(redirectedUrl("/login?error"));
        }
        signIn(nobody, "guess-6", address).andExpect(redirectedUrl("/login?locked"));
    }

    /** One address trying many user names (password spraying) is locked, whichever user name it tries next. */
    @Test
    void twentyFailuresFromOneAddressLockThatAddress() throws Exception {
        for (int attempt = 1; attempt <= 20; attempt++) {
            signIn("sprayed-" + attempt + "-" + UUID.randomUUID().toString().substring(0, 4), "Summer2026!", address)
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(audits("LOGIN_LOCKED_OUT", "client address " + LoginThrottle.addressKey(address) + "%")).isEqualTo(1);
        signIn(coordinator.username(), PASSWORD, address)
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?locked"));
        // the user's own name was never tried: from another address they sign in
        signIn(coordinator.username(), PASSWORD, "2001:db8::cafe").andExpect(authenticated());
    }

    /**
     * The password never reaches the log, the audit log or the throttling tables, not even on the lockout path
     * and with everything that handles a sign-in at TRACE.
     */
    @Test
    void passwordsAreNeverLoggedOrStored(CapturedOutput output) throws Exception {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("org.gcmreview", "org.springframework.security", "org.springframework.web",
                "org.springframework.session", "org.springframework.jdbc");
        loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
        try {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(coordinator.username(), PASSWORD + "-wrong", address);
            }
            signIn(coordinator.username(), PASSWORD, address).andExpect(redirectedUrl("/login?locked"));
            jdbc.sql("update login_lock set locked_until = now() - interval '1 second' where subject = ?")
                    .param(LoginThrottle.pairKey(coordinator.username(), address)).update();
            signIn(coordinator.username(), PASSWORD, address).andExpect(authenticated());
        } finally {
            loggers.forEach(logger -> logging.setLogLevel(logger, null));
        }
        assertThat(output.getAll()).contains(coordinator.username()).contains("LOGIN_LOCKED_OUT")
                .doesNotContain(PASSWORD).doesNotContain(passwordHash);
        String stored = String.join("\n", jdbc.sql("""
                select concat_ws(' ', actor, action, subject_id, details) from audit_event
                union all select concat_ws(' ', username, client_address) from login_failure
                union all select concat_ws(' ', kind, subject) from login_lock""").query(String.class).list());
        assertThat(stored).contains(coordinator.username()).doesNotContain(PASSWORD);
    }

    private ResultActions signIn(String username, String password, String from) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(remoteAddress(from))
                .param("username", username).param("password", password));
    }

    private static RequestPostProcessor remoteAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private CurrentUser withPassword(CurrentUser user) {
        passwordHash = passwordEncoder.encode(PASSWORD);
        return users.withPasswordHash(user, passwordHash);
    }

    private long audits(String action, String detailsLike) {
        return jdbc.sql("select count(*) from audit_event where action = ? and details like ?")
                .params(action, detailsLike).query(Long.class).single();
    }
}
