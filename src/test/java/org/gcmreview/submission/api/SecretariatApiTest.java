package org.gcmreview.submission.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The secretariats' JSON API: tokens made on a page, shown once, kept only as SHA-256, revocable; the access
 * matrix of roles and tokens over every endpoint; and what the endpoints answer.
 */
@ApplicationTest
class SecretariatApiTest {

    static final List<String> ENDPOINTS = List.of("/api/secretariat/submissions", "/api/secretariat/statuses",
            "/api/secretariat/coverage");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser eca;
    ReviewRound round;
    ReviewRound edition;
    ReviewCycle kenya;
    ReportVersion version;

    @BeforeEach
    void setUp() {
        eca = users.regionalSecretariat("ECA");
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(500);
        round = fixtures.round("REGIONAL", "ECA", deadline);
        edition = fixtures.round("IMRF", null, deadline);
        kenya = fixtures.attach(fixtures.cycle(users.coordinator("KEN")), round, edition);
        version = versions.freeze(kenya.id());
        jdbc.sql("""
                insert into submission (cycle_id, round_id, report_version_id, kind, status, cover_note)
                values (?, ?, ?, 'REGIONAL', 'SUBMITTED', 'Our report.')""")
                .params(kenya.id(), round.id(), version.id()).update();
        jdbc.sql("update review_cycle set status = 'SUBMITTED' where id = ?").param(kenya.id()).update();
    }

    @Test
    void aTokenIsShownOnceStoredAsItsHashAndWorksUntilRevoked() throws Exception {
        String page = mvc.perform(post("/secretariat/tokens").with(as(eca)).with(csrf()).param("name", "dashboard"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shown only this once")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String token = token(page);
        assertThat(token).startsWith("gcmr_").hasSizeGreaterThan(40);

        // only the hash is stored; the list never shows the token again
        assertThat(jdbc.sql("select token_sha256 from secretariat_api_token where user_id = ?").param(eca.id())
                .query(String.class).single()).isEqualTo(ApiTokens.sha256(token));
        assertThat(jdbc.sql("select count(*) from secretariat_api_token where token_sha256 = ? or token_prefix = ?")
                .params(token, token).query(Integer.class).single()).isZero();
        mvc.perform(get("/secretariat/tokens").with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dashboard")))
                .andExpect(content().string(not(containsString(token))));

        mvc.perform(get("/api/secretariat/statuses").param("round", round.code()).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.round.code").value(round.code()))
                .andExpect(jsonPath("$.countries[?(@.country == 'KEN')].stage").value("SUBMITTED"));
        assertThat(jdbc.sql("select last_used_at is not null from secretariat_api_token where user_id = ?")
                .param(eca.id()).query(Boolean.class).single()).isTrue();
        // a bearer call opens no session
        assertThat(mvc.perform(get("/api/secretariat/rounds").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getRequest().getSession(false)).isNull();

        long id = jdbc.sql("select id from secretariat_api_token where user_id = ?").param(eca.id())
                .query(Long.class).single();
        // somebody else cannot revoke it
        mvc.perform(post("/secretariat/tokens/" + id + "/revoke").with(as(users.regionalSecretariat("ECA")))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/secretariat/tokens/" + id + "/revoke").with(as(eca))).andExpect(status().isForbidden());
        mvc.perform(post("/secretariat/tokens/" + id + "/revoke").with(as(eca)).with(csrf()))
                .andExpect(redirectedUrl("/secretariat/tokens"));

        mvc.perform(get("/api/secretariat/statuses").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")));
        mvc.perform(get("/secretariat/tokens").with(as(eca)))
                .andExpect(content().string(containsString("revoked")));
    }

    @Test
    void theAccessMatrix() throws Exception {
        CurrentUser escap = users.regionalSecretariat("ESCAP");
        CurrentUser imrf = users.imrfSecretariat();
        String ecaToken = tokenOf(eca);
        String escapToken = tokenOf(escap);
        String imrfToken = tokenOf(imrf);
        String revoked = tokenOf(users.regionalSecretariat("ECA"));
        jdbc.sql("update secretariat_api_token set revoked_at = now() where token_sha256 = ?")
                .param(ApiTokens.sha256(revoked)).update();
        CurrentUser moved = users.regionalSecretariat("ECA");
        String movedToken = tokenOf(moved);
        jdbc.sql("update app_user set commission_code = 'ESCAP' where id = ?").param(moved.id()).update();

        for (String endpoint : ENDPOINTS) {
            String path = endpoint + "?round=" + round.code();
            mvc.perform(get(path)).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", containsString("Bearer")));
            mvc.perform(get(path).with(as(users.coordinator("GHA")))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(users.coordinator("KEN")))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(users.admin()))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(escap))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(as(imrf))).andExpect(status().isForbidden());
            mvc.perform(bearer(path, escapToken)).andExpect(status().isForbidden());
            mvc.perform(bearer(path, imrfToken)).andExpect(status().isForbidden());
            mvc.perform(bearer(path, revoked)).andExpect(status().isUnauthorized());
            mvc.perform(bearer(path, movedToken)).andExpect(status().isUnauthorized());
            mvc.perform(bearer(path, "gcmr_not-a-token")).andExpect(status().isUnauthorized());
            // a wrong token is refused even when a valid session comes along
            mvc.perform(bearer(path, "gcmr_not-a-token").with(as(eca))).andExpect(status().isUnauthorized());
            mvc.perform(get(path).with(as(eca))).andExpect(status().isOk());
            mvc.perform(bearer(path, ecaToken)).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/json"));
            mvc.perform(bearer(endpoint + "?round=" + edition.code(), imrfToken)).andExpect(status().isOk());
            mvc.perform(bearer(endpoint + "?round=" + edition.code(), ecaToken)).andExpect(status().isForbidden());
            // read-only: no other method, whatever the credentials
            mvc.perform(post(path).header("Authorization", "Bearer " + ecaToken)).andExpect(status().isForbidden());
            mvc.perform(post(path).with(as(eca)).with(csrf())).andExpect(status().isForbidden());
        }
        // refusals are audited with who was refused, token callers included
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = ?")
                .param(escap.username()).query(Integer.class).single()).isGreaterThanOrEqualTo(2 * ENDPOINTS.size());
        // the token page is for secretariats only
        mvc.perform(get("/secretariat/tokens").with(as(users.coordinator("KEN")))).andExpect(status().isForbidden());
        mvc.perform(post("/secretariat/tokens").with(as(users.admin())).with(csrf()).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/secretariat/tokens").with(as(eca)).with(csrf()).param("name", " "))
                .andExpect(status().isBadRequest());
        // a token is no key to the pages
        mvc.perform(get("/secretariat").header("Authorization", "Bearer " + ecaToken))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theEndpointsAnswerWithTheRoundsData() throws Exception {
        String token = tokenOf(eca);
        mvc.perform(bearer("/api/secretariat/rounds", token))
                .andExpect(jsonPath("$.rounds[?(@.code == '" + round.code() + "')].commission").value("ECA"))
                .andExpect(jsonPath("$.rounds[?(@.kind == 'IMRF')]").isEmpty());
        mvc.perform(bearer("/api/secretariat/submissions?round=" + round.code(), token))
                .andExpect(jsonPath("$.submissions.length()").value(1))
                .andExpect(jsonPath("$.submissions[0].businessKey").value(kenya.businessKey()))
                .andExpect(jsonPath("$.submissions[0].sha256").value(version.sha256()))
                .andExpect(jsonPath("$.submissions[0].status").value("SUBMITTED"))
                .andExpect(jsonPath("$.submissions[0].coverNote").value("Our report."));
        int ecaCountries = jdbc.sql("select count(*) from country where commission_code = 'ECA'")
                .query(Integer.class).single();
        mvc.perform(bearer("/api/secretariat/statuses?round=" + round.code(), token))
                .andExpect(jsonPath("$.countries.length()").value(ecaCountries))
                .andExpect(jsonPath("$.totals.SUBMITTED").value(1))
                .andExpect(jsonPath("$.totals.NOT_STARTED").value(ecaCountries - 1))
                .andExpect(jsonPath("$.countries[?(@.country == 'BWA')].daysLeft").value(500));
        mvc.perform(bearer("/api/secretariat/coverage?round=" + round.code(), token))
                .andExpect(jsonPath("$.countries[0].country").value("KEN"))
                .andExpect(jsonPath("$.countries[0].objectives['2']").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.objectives['1'].covering").value(1))
                .andExpect(jsonPath("$.objectives['4'].covering").value(0));
    }

    private String tokenOf(CurrentUser user) throws Exception {
        return token(mvc.perform(post("/secretariat/tokens").with(as(user)).with(csrf()).param("name", "test"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String token(String page) {
        Matcher m = Pattern.compile("id=\"token-value\">([^<]+)<").matcher(page);
        assertThat(m.find()).as("token on the page").isTrue();
        return m.group(1);
    }

    private static MockHttpServletRequestBuilder bearer(String path, String token) {
        return get(path).header("Authorization", "Bearer " + token);
    }
}
