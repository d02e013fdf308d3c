package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Single sign-on against a real OpenID Connect provider ({@link TestOidcProvider}, HTTP on a port of its own),
 * through the real redirect flow: the application on a real Tomcat and an HTTP client that follows redirects as a
 * browser does. The one test class with settings of its own (a provider configured), so it starts the one extra
 * application context single sign-on needs.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SingleSignOnTest {

    static final TestOidcProvider PROVIDER = TestOidcProvider.start();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        String p = "gcm.sso.providers.testidp.";
        properties.add(p + "display-name", () -> "Test IdP");
        properties.add(p + "issuer-uri", PROVIDER::issuer);
        properties.add(p + "client-id", () -> TestOidcProvider.CLIENT_ID);
        properties.add(p + "client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        properties.add(p + "claims.role", () -> "gcm_role");
        properties.add(p + "claims.country", () -> "gcm_country");
        properties.add(p + "claims.ministry", () -> "gcm_ministry");
        properties.add(p + "claims.commission", () -> "gcm_commission");
        properties.add(p + "roles.coordinator", () -> "COORDINATOR");
        properties.add(p + "roles.ministry", () -> "MINISTRY");
        properties.add(p + "roles.regional", () -> "REGIONAL_SECRETARIAT");
        // an allowed value that is not one: nobody becomes a stakeholder through a claim
        properties.add(p + "roles.stakeholder", () -> "STAKEHOLDER");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    MockMvc mvc;
    @Autowired
    TwoFactor twoFactor;

    @Test
    void theSignInPageOffersTheProviderBesideTheForm() throws Exception {
        HttpResponse<String> page = browser().send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("name=\"password\"").contains("/oauth2/authorization/testidp")
                .contains("Test IdP");
    }

    @Test
    void claimsGiveTheRoleCountryAndMinistry() throws Exception {
        users.ministry("KEN", "INTERIOR");
        String coordinator = subject();
        HttpClient browser = browser();
        HttpResponse<String> landed = signIn(browser, TestOidcProvider.Person.of(coordinator, Map.of(
                "gcm_role", "coordinator", "gcm_country", "ken", "name", "Wanjiru Kamau",
                "email", coordinator + "@example.org", "preferred_username", coordinator)));
        assertThat(landed.statusCode()).isEqualTo(200);
        CurrentUser account = account(coordinator).orElseThrow();
        assertThat(account.role()).isEqualTo(Role.COORDINATOR);
        assertThat(account.countryIso3()).isEqualTo("KEN");
        assertThat(account.displayName()).isEqualTo("Wanjiru Kamau");
        assertThat(account.username()).isEqualTo(coordinator);
        // signed in: a coordinator's page answers, no local code was asked for
        assertThat(path(browser.send(get("/country/focal-points"), HttpResponse.BodyHandlers.ofString())))
                .isEqualTo("/country/focal-points");

        String focalPoint = subject();
        signIn(browser(), TestOidcProvider.Person.of(focalPoint, Map.of(
                "gcm_role", List.of("something-else", "ministry"), "gcm_country", "KEN", "gcm_ministry", "interior")));
        CurrentUser ministry = account(focalPoint).orElseThrow();
        assertThat(ministry.role()).isEqualTo(Role.MINISTRY);
        assertThat(ministry.ministryCode()).isEqualTo("INTERIOR");
        assertThat(audit(ministry.id(), "SSO_ACCOUNT_CREATED")).isEqualTo(1);

        // the same person again: the same account, linked by issuer and subject
        signIn(browser(), TestOidcProvider.Person.of(focalPoint, Map.of(
                "gcm_role", "ministry", "gcm_country", "KEN", "gcm_ministry", "INTERIOR")));
        assertThat(jdbc.sql("select count(*) from sso_identity where subject = ?").param(focalPoint)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void withoutClaimsTheAccountIsPendingAndSeesNothingElseUntilItsCoordinatorApprovesIt() throws Exception {
        users.ministry("KEN", "INTERIOR");
        String subject = subject();
        HttpClient browser = browser();
        // a stakeholder role by claim is not allowed: pending, keeping the claimed country
        HttpResponse<String> landed = signIn(browser, TestOidcProvider.Person.of(subject,
                Map.of("gcm_role", "stakeholder", "gcm_country", "KEN", "name", "Pending Person")));
        assertThat(path(landed)).isEqualTo("/account/pending");
        assertThat(landed.body()).contains("Your account waits for approval");
        CurrentUser pending = account(subject).orElseThrow();
        assertThat(pending.role()).isEqualTo(Role.PENDING);
        for (String page : List.of("/", "/tasks", "/cycles", "/account/two-factor", "/admin/accounts",
                "/admin/pending-accounts", "/country/focal-points", "/country/pending-accounts",
                "/secretariat/rounds", "/notices", "/published")) {
            assertThat(path(browser.send(get(page), HttpResponse.BodyHandlers.ofString())))
                    .as("%s for a pending account", page).isEqualTo("/account/pending");
        }

        // another country's coordinator does not see it; its own coordinator approves it
        mvc.perform(post("/country/pending-accounts/" + pending.id()).param("ministry", "INTERIOR")
                        .with(csrf()).with(TestUsers.as(users.coordinator("GHA"))))
                .andExpect(status().isNotFound());
        assertThat(account(subject).orElseThrow().role()).isEqualTo(Role.PENDING);
        CurrentUser coordinator = users.coordinator("KEN");
        mvc.perform(post("/country/pending-accounts/" + pending.id()).param("ministry", "INTERIOR")
                        .with(csrf()).with(TestUsers.as(coordinator)))
                .andExpect(status().is3xxRedirection());
        CurrentUser approved = account(subject).orElseThrow();
        assertThat(approved.role()).isEqualTo(Role.MINISTRY);
        assertThat(approved.ministryCode()).isEqualTo("INTERIOR");
        assertThat(jdbc.sql("select actor from audit_event where action = 'SSO_ACCOUNT_APPROVED' and subject_id = ?")
                .param(String.valueOf(pending.id())).query(String.class).single()).isEqualTo(coordinator.username());

        // the pending session ended with the change; signing in again brings the rights
        assertThat(path(browser.send(get("/tasks"), HttpResponse.BodyHandlers.ofString()))).isEqualTo("/login");
        HttpResponse<String> again = signIn(browser, TestOidcProvider.Person.of(subject, Map.of()));
        assertThat(path(again)).isNotEqualTo("/account/pending");
        assertThat(path(browser.send(get("/tasks"), HttpResponse.BodyHandlers.ofString()))).isEqualTo("/tasks");
    }

    @Test
    void anAdministratorApprovesAnyPendingAccount() throws Exception {
        String subject = subject();
        signIn(browser(), TestOidcProvider.Person.of(subject, Map.of("name", "No Claims")));
        CurrentUser pending = account(subject).orElseThrow();
        assertThat(pending.role()).isEqualTo(Role.PENDING);
        assertThat(pending.countryIso3()).isNull();
        // a coordinator sees only the pending accounts claiming their country
        mvc.perform(post("/country/pending-accounts/" + pending.id()).param("ministry", "INTERIOR")
                        .with(csrf()).with(TestUsers.as(users.coordinator("KEN"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/pending-accounts/" + pending.id()).param("role", "REGIONAL_SECRETARIAT")
                        .param("commission", "ECA").with(csrf()).with(TestUsers.as(users.admin())))
                .andExpect(status().is3xxRedirection());
        CurrentUser approved = account(subject).orElseThrow();
        assertThat(approved.role()).isEqualTo(Role.REGIONAL_SECRETARIAT);
        assertThat(approved.commissionCode()).isEqualTo("ECA");
        assertThat(audit(pending.id(), "SSO_ACCOUNT_APPROVED")).isEqualTo(1);
    }

    @Test
    void loggingOutEndsTheSessionHereAndAtTheProvider() throws Exception {
        String subject = subject();
        HttpClient browser = browser();
        HttpResponse<String> pendingPage = signIn(browser, TestOidcProvider.Person.of(subject,
                Map.of("gcm_country", "KEN")));
        int before = PROVIDER.logouts().size();
        HttpResponse<String> out = browser.send(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrfToken(pendingPage.body()),
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.uri().getPath()).isEqualTo("/login");
        assertThat(out.uri().getQuery()).isEqualTo("logout");
        List<Map<String, String>> logouts = PROVIDER.logouts();
        assertThat(logouts).hasSize(before + 1);
        assertThat(logouts.get(logouts.size() - 1)).containsKey("id_token_hint")
                .containsEntry("client_id", TestOidcProvider.CLIENT_ID);
        assertThat(path(browser.send(get("/account/pending"), HttpResponse.BodyHandlers.ofString())))
                .isEqualTo("/login");
    }

    @Test
    void aTokenFromAnotherIssuerForAnotherAudienceOrExpiredIsRefusedAndMakesNoAccount() throws Exception {
        TestOidcProvider.Person valid = TestOidcProvider.Person.of(subject(),
                Map.of("gcm_role", "coordinator", "gcm_country", "KEN"));
        for (TestOidcProvider.Person wrong : List.of(valid.withIssuer("http://127.0.0.1:1/not-the-issuer"),
                valid.withAudience("another-application"), valid.expired())) {
            HttpResponse<String> refused = signIn(browser(), wrong);
            assertThat(path(refused)).isEqualTo("/login");
            assertThat(refused.uri().getQuery()).isEqualTo("sso-refused=invalid_id_token");
            assertThat(refused.body()).contains("could not be trusted").contains("No account was made");
            assertThat(account(valid.subject())).isEmpty();
        }
    }

    @Test
    void aCountryThatRequiresTwoFactorSignInTakesOnlyASecondFactorAtTheProvider() throws Exception {
        users.ensureCountry("TZA");
        twoFactor.requireForCountry("TZA", true, users.admin());
        String subject = subject();
        Map<String, Object> claims = Map.of("gcm_role", "coordinator", "gcm_country", "TZA", "amr", List.of("pwd"));
        HttpResponse<String> refused = signIn(browser(), TestOidcProvider.Person.of(subject, claims));
        assertThat(refused.uri().getQuery()).isEqualTo("sso-refused=two_factor_required");
        HttpClient browser = browser();
        signIn(browser, TestOidcProvider.Person.of(subject, Map.of("gcm_role", "coordinator", "gcm_country", "TZA",
                "amr", List.of("pwd", "mfa"))));
        assertThat(path(browser.send(get("/tasks"), HttpResponse.BodyHandlers.ofString()))).isEqualTo("/tasks");
    }

    private HttpResponse<String> signIn(HttpClient browser, TestOidcProvider.Person person) throws Exception {
        PROVIDER.signsInNext(person);
        return browser.send(get("/oauth2/authorization/testidp"), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<CurrentUser> account(String subject) {
        return jdbc.sql("select user_id from sso_identity where issuer = ? and subject = ?")
                .params(PROVIDER.issuer(), subject).query(Long.class).optional()
                .flatMap(id -> new UserAccountRepository(jdbc).findById(id));
    }

    private int audit(long userId, String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject_id = ?")
                .params(action, String.valueOf(userId)).query(Integer.class).single();
    }

    private static String csrfToken(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private static String subject() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String path(HttpResponse<String> response) {
        return response.uri().getPath();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
