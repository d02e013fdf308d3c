package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The foundation's sign-in rules: who is sent where, CSRF everywhere, and no password kept or logged. */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginSecurityTest {

    private static final String PASSWORD = "Quokka-Lantern-7431";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    IdentityService identityService;

    @Autowired
    TestUsers users;

    CurrentUser coordinator;
    String passwordHash;

    @BeforeEach
    void coordinatorWithAPassword() {
        passwordHash = passwordEncoder.encode(PASSWORD);
        coordinator = users.withPasswordHash(users.coordinator("KEN"), passwordHash);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/tasks"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void signingInWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", coordinator.username()).param("password", PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void signingInWithTheRightPasswordLeadsToTheTasks() throws Exception {
        mvc.perform(formLogin("/login").user(coordinator.username()).password(PASSWORD))
                .andExpect(authenticated().withUsername(coordinator.username()))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(formLogin("/login").user(coordinator.username()).password("not-" + PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        jdbc.sql("update app_user set enabled = false where id = ?").param(coordinator.id()).update();
        mvc.perform(formLogin("/login").user(coordinator.username()).password(PASSWORD))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void signingOutWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/logout").with(TestUsers.as(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated());
    }

    @Test
    void camundasWebappsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/camunda/app/"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/camunda/app/").with(TestUsers.as(coordinator)))
                .andExpect(status().isForbidden());
        int adminStatus = mvc.perform(get("/camunda/app/").with(TestUsers.as(users.admin())))
                .andReturn().getResponse().getStatus();
        assertThat(adminStatus).isNotEqualTo(403).isNotEqualTo(302);
    }

    /**
     * Camunda's REST API runs in servlets of its own (not Spring MVC's), e.g. /camunda/api/admin/*: the webapp
     * rules must still apply there. Camunda's own login is not served at all, not even to an administrator:
     * signing in happens on /login (CamundaWebappSignOn), and the admin API is closed but for "who am I".
     */
    @Test
    void camundasApiServletsAreForAdministratorsOnlyToo() throws Exception {
        mvc.perform(get("/camunda/api/engine/engine/default/user").servletPath("/camunda/api/engine")
                        .with(TestUsers.as(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/camunda/api/engine/engine/default/user").servletPath("/camunda/api/engine"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login"));
        int adminLogin = mvc.perform(post("/camunda/api/admin/auth/user/default/login/cockpit")
                        .servletPath("/camunda/api/admin").with(TestUsers.as(users.admin()))
                        .param("username", "admin").param("password", "demo"))
                .andReturn().getResponse().getStatus();
        assertThat(adminLogin).isEqualTo(403);
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        mvc.perform(post("/login").session(session).with(csrf())
                        .param("username", coordinator.username()).param("password", PASSWORD))
                .andExpect(authenticated());
        assertThat(session.getId()).isNotEqualTo(before);
    }

    @Test
    void thePasswordHashIsNotKeptInTheSession() throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(coordinator.username()).password(PASSWORD))
                .andExpect(authenticated())
                .andReturn();
        HttpSession session = result.getRequest().getSession(false);
        SecurityContext context = (SecurityContext) session
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context.getAuthentication();
        assertThat(authentication.getCredentials()).isNull();
        SignedInUser principal = (SignedInUser) authentication.getPrincipal();
        assertThat(principal.user().username()).isEqualTo(coordinator.username());
        assertThat(principal.getPassword()).isNull();
    }

    /** Even with the most verbose logging of everything that handles a password, it never reaches the log. */
    @Test
    void passwordsAreNeverLogged(CapturedOutput output) throws Exception {
        CurrentUser admin = users.withPasswordHash(users.admin(), passwordHash);
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        List<String> loggers = List.of("org.gcmreview", "org.springframework.security", "org.springframework.web",
                "org.camunda.bpm.engine");
        loggers.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
        try {
            mvc.perform(formLogin("/login").user(coordinator.username()).password(PASSWORD))
                    .andExpect(authenticated());
            mvc.perform(formLogin("/login").user(coordinator.username()).password(PASSWORD + "-wrong"))
                    .andExpect(unauthenticated());
            assertThat(identityService.checkPassword(admin.username(), PASSWORD)).isTrue();
            assertThat(identityService.checkPassword(admin.username(), PASSWORD + "-wrong")).isFalse();
        } finally {
            loggers.forEach(logger -> logging.setLogLevel(logger, null));
        }
        assertThat(output.getAll()).contains(coordinator.username()).doesNotContain(PASSWORD)
                .doesNotContain(passwordHash);
    }
}
