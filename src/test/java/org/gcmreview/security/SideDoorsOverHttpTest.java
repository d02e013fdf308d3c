package org.gcmreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.CockpitRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.ReportEndorsed;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 13 over real HTTP, with the production settings that matter here: sessions in PostgreSQL (Spring Session
 * JDBC on), no trusted proxy, and the engine refusing foreign deployments.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", "gcm.engine.foreign-deployments-allowed=false"})
class SideDoorsOverHttpTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Heron-Lantern-4471";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    // ------------------------------------------------------------------ 7. anonymous readers cost no session

    @ParameterizedTest
    @ValueSource(strings = {"/", "/reference/objectives", "/reference/principles", "/published", "/consultations",
            "/published/report-schema.json", "/api/reference/objectives"})
    void anonymousReadersOfPublicPagesCostNoSession(String path) throws Exception {
        long before = sessions();
        HttpClient anonymous = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> page = anonymous.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).as("cookies set by %s", path)
                    .noneMatch(cookie -> cookie.startsWith("SESSION=") || cookie.startsWith("JSESSIONID="));
        }
        assertThat(sessions()).as("spring_session rows after anonymous GETs of %s", path).isEqualTo(before);
    }

    /**
     * The pages a published report brings to anonymous readers, with real data: the report page, its PDF and JSON,
     * and its closed consultation's public page and "what we heard" with published inputs and responses.
     */
    @Test
    void anonymousReadersOfAPublishedReportAndItsConsultationCostNoSession() throws Exception {
        String key = publishedReportWithConsultation().businessKey();
        // every page is checked and reported, not just the first that fails
        SoftAssertions pages = new SoftAssertions();
        for (String path : List.of("/published/" + key, "/published/" + key + ".pdf", "/published/" + key + ".json",
                "/consultations/" + key, "/consultations/" + key + "/what-we-heard")) {
            assertReadWithoutSession(pages, path);
        }
        pages.assertAll();
        // the pages showed the data, not an empty shell
        String heard = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/consultations/" + key
                + "/what-we-heard")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(heard).contains("Heard: ACCEPTED", "Heard: NOT_ACCEPTED");
    }

    /**
     * Issue 19.3 over Tomcat: the public pages that rarely change carry an entity tag and a public Cache-Control,
     * and a reader who has the page gets 304 with no body and no session; the tag follows the reader's language,
     * a new frozen version and a changed answer to an input.
     */
    @Test
    void publicPagesAnswerConditionalRequestsWith304AndNoSession() throws Exception {
        ReviewCycle cycle = publishedReportWithConsultation();
        String key = cycle.businessKey();
        long sessionsBefore = sessions();
        SoftAssertions pages = new SoftAssertions();
        for (String path : List.of("/published/" + key, "/published/" + key + ".pdf", "/published/" + key + ".json",
                "/consultations/" + key + "/what-we-heard", "/reference/objectives", "/reference/principles")) {
            HttpResponse<byte[]> first = anonymousGet(path, Map.of());
            pages.assertThat(first.statusCode()).as(path).isEqualTo(200);
            String tag = first.headers().firstValue("ETag").orElse(null);
            pages.assertThat(tag).as("ETag of %s", path).isNotBlank();
            pages.assertThat(first.headers().firstValue("Cache-Control").orElse("")).as("Cache-Control of %s", path)
                    .contains("public").contains("max-age").doesNotContain("no-store");
            if (tag == null) {
                continue;
            }
            HttpResponse<byte[]> again = anonymousGet(path, Map.of("If-None-Match", tag));
            pages.assertThat(again.statusCode()).as("conditional GET of %s", path).isEqualTo(304);
            pages.assertThat(again.body()).as("body of the 304 of %s", path).isEmpty();
            pages.assertThat(again.headers().allValues("Set-Cookie")).as("cookies of the 304 of %s", path).isEmpty();
        }
        pages.assertAll();
        assertThat(sessions()).as("spring_session rows after the conditional GETs").isEqualTo(sessionsBefore);

        // another language is another page
        String page = "/published/" + key;
        String english = anonymousGet(page, Map.of("Accept-Language", "en")).headers().firstValue("ETag").orElseThrow();
        String french = anonymousGet(page, Map.of("Accept-Language", "fr")).headers().firstValue("ETag").orElseThrow();
        assertThat(french).isNotEqualTo(english);
        assertThat(anonymousGet(page, Map.of("Accept-Language", "fr", "If-None-Match", english)).statusCode())
                .isEqualTo(200);
        // a new version, once endorsed, is a new page
        ReportVersion next = versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        // written in SQL: announced as the endorsement form's Endorsements.insert does (PublishedCopiesTest)
        events.publishEvent(new ReportEndorsed(cycle.id(), next.id()));
        assertThat(anonymousGet(page, Map.of("Accept-Language", "en", "If-None-Match", english)).statusCode())
                .isEqualTo(200);
        // a changed answer to an input changes what we heard
        String heard = "/consultations/" + key + "/what-we-heard";
        String heardTag = anonymousGet(heard, Map.of()).headers().firstValue("ETag").orElseThrow();
        jdbc.sql("""
                update consultation_input set response_outcome = 'PARTLY', responded_at = now()
                 where window_id = (select id from consultation_window where cycle_id = ?)
                   and response_outcome = 'NOT_ACCEPTED'""").param(cycle.id()).update();
        HttpResponse<byte[]> changed = anonymousGet(heard, Map.of("If-None-Match", heardTag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(heardTag);
    }

    /**
     * A kept page over Tomcat (issue 19.3): a reader who accepts gzip gets the copy compressed once (Tomcat's own
     * compression leaves a response that names its encoding alone), a reader who does not gets it as it is.
     */
    @Test
    void keptPagesReachTheReaderCompressedOnceOrAsTheyAre() throws Exception {
        for (String path : List.of("/reference/objectives", "/reference/principles")) {
            HttpResponse<byte[]> plain = anonymousGet(path, Map.of());
            HttpResponse<byte[]> gzip = anonymousGet(path, Map.of("Accept-Encoding", "gzip"));
            assertThat(plain.headers().allValues("Content-Encoding")).as(path).isEmpty();
            assertThat(gzip.headers().allValues("Content-Encoding")).as(path).containsExactly("gzip");
            assertThat(gzip.headers().allValues("Set-Cookie")).as(path).isEmpty();
            try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
                assertThat(unzipped.readAllBytes()).as(path).isEqualTo(plain.body());
            }
            assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("</html>");
        }
    }

    private HttpResponse<byte[]> anonymousGet(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A published report of three objectives whose closed consultation has two answered inputs. */
    private ReviewCycle publishedReportWithConsultation() {
        ReviewCycle cycle = fixtures.cycle(users.coordinator("KEN"));
        versions.freeze(cycle.id());
        // only an endorsed version is public (issue 14.4)
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
        long window = jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, timestamp '2025-01-10 00:00', timestamp '2025-02-10 00:00', 'CLOSED') returning id""")
                .param(cycle.id()).query(Long.class).single();
        for (String outcome : new String[] {"ACCEPTED", "NOT_ACCEPTED"}) {
            jdbc.sql("""
                    insert into consultation_input (window_id, reference, idempotency_key, author_name, author_email,
                                                    objective_number, body, status, response_outcome, confirmed_at)
                    values (?, ?, ?, 'Someone', 'someone@example.org', 1, ?, 'PUBLISHED', ?, now())""")
                    .params(window, "T-" + UUID.randomUUID(), UUID.randomUUID(), "Heard: " + outcome, outcome)
                    .update();
        }
        return cycle;
    }

    private void assertReadWithoutSession(SoftAssertions pages, String path) throws Exception {
        long before = sessions();
        HttpClient anonymous = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> page = anonymous.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            pages.assertThat(page.statusCode()).as(path).isEqualTo(200);
            pages.assertThat(page.headers().allValues("Set-Cookie")).as("cookies set by %s", path).isEmpty();
        }
        pages.assertThat(sessions()).as("spring_session rows after anonymous GETs of %s", path).isEqualTo(before);
    }

    /** The language switch on every page works without a session (it needs no CSRF token). */
    @BeforeEach
    void cockpitRuns() {
        CockpitRuntime.ensure();
    }

    @Test
    void theLanguageSwitchWorksWithoutASession() throws Exception {
        HttpResponse<String> switched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/language"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=fr&return=/reference/objectives")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/reference/objectives"));
    }

    // ------------------------------------------------------------------ 3. forwarded headers from no proxy by default

    @Test
    void forwardedHeadersFromAnUnconfiguredProxyAreIgnored() throws Exception {
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = new Browser();
        HttpResponse<String> failed = browser.signIn(username, "wrong", "203.0.113.77");
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select client_address from login_failure where username = ?").param(username)
                .query(String.class).list()).containsExactly("127.0.0.1");
        assertThat(jdbc.sql("select subject_id from audit_event where action = 'LOGIN_FAILED' and actor = ?")
                .param(username).query(String.class).list()).containsExactly("127.0.0.1");

        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/tasks"))
                .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://localhost:" + port).doesNotContain("evil.example"));
        assertThat(redirect.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    // ------------------------------------------------------------------ 4. a change of rights takes effect at once

    @Test
    void disablingAUserOrChangingTheirCountryRoleOrMinistryEndsTheirSessionsOnTheNextRequest() throws Exception {
        CurrentUser moved = withPassword(users.coordinator("KEN"));
        CurrentUser disabled = withPassword(users.coordinator("KEN"));
        Browser movedTabOne = new Browser();
        Browser movedTabTwo = new Browser();
        Browser disabledTab = new Browser();
        assertThat(movedTabOne.signIn(moved.username(), PASSWORD, null).statusCode()).isEqualTo(302);
        assertThat(movedTabTwo.signIn(moved.username(), PASSWORD, null).statusCode()).isEqualTo(302);
        assertThat(disabledTab.signIn(disabled.username(), PASSWORD, null).statusCode()).isEqualTo(302);
        assertThat(movedTabOne.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(movedTabTwo.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(disabledTab.get("/tasks").statusCode()).isEqualTo(200);

        // a role changed, and a focal point moved to another ministry (issue 18.2)
        CurrentUser promoted = withPassword(users.coordinator("KEN"));
        CurrentUser focalPoint = withPassword(users.ministry("KEN", "INTERIOR"));
        long labour = users.ministry("KEN", "LABOUR").ministryId();
        Browser promotedTab = new Browser();
        Browser focalPointTab = new Browser();
        assertThat(promotedTab.signIn(promoted.username(), PASSWORD, null).statusCode()).isEqualTo(302);
        assertThat(focalPointTab.signIn(focalPoint.username(), PASSWORD, null).statusCode()).isEqualTo(302);
        assertThat(promotedTab.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(focalPointTab.get("/tasks").statusCode()).isEqualTo(200);

        users.ensureCountry("GHA");
        jdbc.sql("update app_user set country_iso3 = 'GHA' where id = ?").param(moved.id()).update();
        jdbc.sql("update app_user set enabled = false where id = ?").param(disabled.id()).update();
        jdbc.sql("update app_user set role = 'IMRF_SECRETARIAT', country_iso3 = null where id = ?")
                .param(promoted.id()).update();
        jdbc.sql("update app_user set ministry_id = ? where id = ?").params(labour, focalPoint.id()).update();
        // an unrelated change (the language) does not sign anybody out
        CurrentUser unaffected = withPassword(users.coordinator("KEN"));
        Browser unaffectedTab = new Browser();
        unaffectedTab.signIn(unaffected.username(), PASSWORD, null);
        jdbc.sql("update app_user set preferred_language = 'fr', display_name = 'Renamed' where id = ?")
                .param(unaffected.id()).update();

        for (Browser signedOut : List.of(movedTabOne, movedTabTwo, disabledTab, promotedTab, focalPointTab)) {
            HttpResponse<String> next = signedOut.get("/tasks");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        assertThat(unaffectedTab.get("/tasks").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name in (?, ?)")
                .params(moved.username(), disabled.username()).query(Long.class).single()).isZero();
        // signing in again gives the new rights
        Browser again = new Browser();
        assertThat(again.signIn(moved.username(), PASSWORD, null).statusCode()).isEqualTo(302);
        assertThat(again.get("/tasks").statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ 1. Camunda: read-only Cockpit, nothing else

    @Test
    void onlyTheProductsOwnProcessesAreDeployed() throws Exception {
        assertThatThrownBy(() -> repositoryService.createDeployment().name("side door")
                .addModelInstance("bean-call.bpmn", Bpmn.createExecutableProcess("sideDoor")
                        .camundaHistoryTimeToLive(1).startEvent().serviceTask()
                        .camundaExpression("${jdbcTemplate.execute('select 1')}").endEvent().done())
                .deploy())
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("not one of the product's own");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("sideDoor").count()).isZero();
        // the product's own processes were deployed at start-up as ever
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("national-review").count())
                .isPositive();
    }

    @Test
    void aRetryByTheAdministratorIsAudited() throws Exception {
        Browser admin = new Browser();
        admin.signIn("admin", "demo", null);
        // Cockpit first, as the administrator would: it hands out Camunda's own CSRF token, sent back below
        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> retry = admin.send("PUT", "/camunda/api/engine/engine/default/job/no-such-job/retries",
                "{\"retries\":1}");
        assertThat(retry.statusCode()).isNotIn(302, 403);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'ENGINE_RETRIES_SET' and actor = 'admin'
                   and details like 'PUT /camunda/api/engine/engine/default/job/no-such-job/retries answered %'""")
                .query(Long.class).single()).isEqualTo(1);
    }

    private CurrentUser withPassword(CurrentUser user) {
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwordEncoder.encode(PASSWORD), user.id()).update();
        return user;
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A client that keeps cookies like a browser and does not follow redirects. */
    final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> signIn(String username, String password, String forwardedFor)
                throws IOException, InterruptedException {
            Matcher csrf = CSRF_FIELD.matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (forwardedFor != null) {
                request.header("X-Forwarded-For", forwardedFor);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Accept", "application/json, text/html")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .findFirst().ifPresent(cookie -> request.header("X-XSRF-TOKEN", cookie.getValue()));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
