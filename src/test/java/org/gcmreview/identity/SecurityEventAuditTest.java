package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Security events in the audit log: sign-in, failed sign-in, sign-out and every refused request. */
@ApplicationTest
class SecurityEventAuditTest {

    private static final String PASSWORD = "Kestrel-Meadow-3304";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TestUsers users;

    CurrentUser coordinator;
    String address;

    @BeforeEach
    void coordinatorWithAPassword() {
        coordinator = users.withPasswordHash(users.coordinator("KEN"), passwordEncoder.encode(PASSWORD));
        // no leading zero in the last group: the audit writes addresses as RFC 5952 does (0a3f -> a3f)
        address = "2001:db8:a::1" + UUID.randomUUID().toString().substring(0, 3);
    }

    @Test
    void signInFailedSignInAndSignOutAreAudited() throws Exception {
        mvc.perform(post("/login").with(csrf()).with(from(address))
                        .param("username", coordinator.username()).param("password", "not-" + PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").with(csrf()).with(from(address))
                        .param("username", coordinator.username()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/tasks")).andReturn().getRequest().getSession(false);
        mvc.perform(post("/logout").session(session).with(csrf()).with(from(address)))
                .andExpect(redirectedUrl("/login?logout"));

        assertThat(events(coordinator.username())).containsExactly(
                Map.of("action", "LOGIN_FAILED", "subject", address, "details", "wrong user name or password"),
                Map.of("action", "LOGIN_SUCCEEDED", "subject", address, "details", "signed in", "country", "KEN"),
                Map.of("action", "LOGOUT", "subject", address, "details", "signed out", "country", "KEN"));
    }

    @Test
    void refusedRequestsAreAuditedWithWhoAndWhat() throws Exception {
        CurrentUser stakeholder = users.stakeholder("KEN", "Audit test organisation");
        // URL rule (admin pages)
        mvc.perform(get("/admin/users").with(TestUsers.as(coordinator))).andExpect(status().isForbidden());
        // a feature's own check (cycles are for the country team only)
        mvc.perform(get("/cycles").with(TestUsers.as(stakeholder))).andExpect(status().isForbidden());
        // no CSRF token
        mvc.perform(post("/cycles").with(TestUsers.as(coordinator)).param("code", "X").param("title", "Y"))
                .andExpect(status().isForbidden());
        // Camunda's webapps (their own security chain)
        mvc.perform(get("/camunda/app/").with(TestUsers.as(coordinator))).andExpect(status().isForbidden());

        assertThat(denials(coordinator.username())).containsExactly("GET /admin/users", "POST /cycles",
                "GET /camunda/app/");
        assertThat(denials(stakeholder.username())).containsExactly("GET /cycles");
        assertThat(jdbc.sql("select country_iso3 from audit_event where action = 'ACCESS_DENIED' and actor = ?")
                .param(stakeholder.username()).query(String.class).single()).isEqualTo("KEN");
    }

    /** Being sent to the login page is not a refusal; only 403s are. */
    @Test
    void anAnonymousVisitorSentToTheLoginPageIsNotAnAccessDenial() throws Exception {
        long before = jdbc.sql("select count(*) from audit_event where action = 'ACCESS_DENIED'")
                .query(Long.class).single();
        mvc.perform(get("/tasks")).andExpect(redirectedUrlPattern("**/login"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_DENIED'")
                .query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/login").with(from(address)).param("username", "someone").param("password", "x"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = 'anonymous'
                   and details = ?""").param("POST /login from " + address).query(Long.class).single())
                .isEqualTo(1);
    }

    private List<Map<String, String>> events(String actor) {
        return jdbc.sql("""
                select action, subject_id, details, country_iso3 from audit_event
                 where actor = ? and subject_type = 'sign_in' order by id""")
                .param(actor)
                .query((rs, n) -> {
                    Map<String, String> event = new java.util.HashMap<>(Map.of("action", rs.getString(1),
                            "subject", rs.getString(2), "details", rs.getString(3)));
                    if (rs.getString(4) != null) {
                        event.put("country", rs.getString(4));
                    }
                    return (Map<String, String>) event;
                }).list();
    }

    private List<String> denials(String actor) {
        return jdbc.sql("""
                select details from audit_event where action = 'ACCESS_DENIED' and actor = ? order by id""")
                .param(actor).query(String.class).list().stream()
                .map(details -> details.substring(0, details.indexOf(" from "))).toList();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
