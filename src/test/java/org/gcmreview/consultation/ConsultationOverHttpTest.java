package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.TestSmtp;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consultation against the real HTTP server with real mail (GreenMail): receipts by e-mail, an individual's
 * input held until its address is confirmed through a single-use, expiring link, oversized requests refused
 * before they are read, and many concurrent submissions, some of the same form, each stored exactly once.
 *
 * <p>The rate limit is raised for this class on purpose: the concurrency test sends 200 distinct inputs from
 * one address, which the real limit would (rightly) refuse. HostileInputTest covers the limit itself.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "gcm.mail.enabled=true",
        "gcm.mail.from=consultation@gcm-review.test",
        "gcm.consultation.public-url=http://gcm-review.test",
        "gcm.consultation.rate-limit.max-submissions=1000000"})
class ConsultationOverHttpTest {

    private static final String PASSWORD = "http-test-password";
    private static final GreenMail MAIL = TestSmtp.startedOnFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.sendMailTo(registry, MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    String page;

    @BeforeEach
    void setUp() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        scenario = scenarios.open();
        page = "/consultations/" + scenario.cycle.businessKey();
    }

    @Test
    void anOrganisationGetsItsReceiptOnThePageAndByMail() throws Exception {
        CurrentUser stakeholder = withPassword(scenario.stakeholder());
        Session session = signedIn(stakeholder);

        String reference = session.submit(page + "/inputs", UUID.randomUUID().toString(),
                "Receipts matter: <b>bold</b> & more.");

        assertThat(reference).matches("KEN-CI-\\d{6}");
        MimeMessage mail = onlyMailTo(stakeholder.email());
        assertThat(mail.getSubject()).contains(reference);
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("consultation@gcm-review.test");
        assertThat((String) mail.getContent()).contains(reference, scenario.cycle.title(), "Objective 1",
                "http://gcm-review.test" + page);
    }

    @Test
    void anIndividualsInputCountsOnlyOnceTheAddressIsConfirmedWithASingleUseLink() throws Exception {
        Session visitor = new Session();
        String html = visitor.get(page).body();
        assertThat(html).contains("id=\"individual-form\"");

        HttpResponse<String> sent = visitor.post(page + "/individual-inputs", Map.of("_csrf", csrf(html),
                "idempotencyKey", UUID.randomUUID().toString(), "authorName", "Jane Wanjiru",
                "authorEmail", "jane.wanjiru@example.org", "target", "section:POLICY", "language", "fr",
                "body", "Un avis individuel sur la politique migratoire."));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(visitor.get(page).body()).contains("we have sent a link to jane.wanjiru@example.org")
                .doesNotContain("KEN-CI-");

        // held: stored, but neither counted nor shown
        assertThat(scenario.storedInputs()).isOne();
        Session coordinator = signedIn(withPassword(scenario.coordinator));
        assertThat(coordinator.get("/cycles/" + scenario.cycle.id() + "/consultation").body())
                .contains("0 in all").doesNotContain("Un avis individuel");
        assertThat(coordinator.get("/cycles/" + scenario.cycle.id() + "/consultation/inputs").body())
                .contains("No inputs");
        assertThat(coordinator.get("/cycles/" + scenario.cycle.id() + "/consultation/inputs.csv").body())
                .doesNotContain("Un avis individuel");

        String link = linkIn(onlyMailTo("jane.wanjiru@example.org"));
        assertThat(link).startsWith("http://gcm-review.test/consultations/confirm?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(jdbc.sql("select count(*) from consultation_input where confirmation_token_sha256 = ?")
                .param(token).query(Integer.class).single()).as("only a hash of the token is kept").isZero();
        String path = URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery();

        // opening the link asks to confirm; a mail scanner fetching it confirms nothing
        HttpResponse<String> confirmPage = visitor.get(path);
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("Confirm my input", "Policy and enabling environment");
        assertThat(confirmedInputs()).isZero();

        HttpResponse<String> confirmed = visitor.post("/consultations/confirm",
                Map.of("_csrf", csrf(confirmPage.body()), "token", token));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        String reference = receipt(confirmed.body());
        assertThat(confirmedInputs()).isOne();
        MimeMessage receipt = MAIL.getReceivedMessagesForDomain("jane.wanjiru@example.org")[1];
        assertThat(receipt.getSubject()).contains(reference);
        assertThat(coordinator.get("/cycles/" + scenario.cycle.id() + "/consultation/inputs").body())
                .contains("row-" + reference);

        // the link works once
        HttpResponse<String> again = visitor.post("/consultations/confirm",
                Map.of("_csrf", csrf(confirmPage.body()), "token", token));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("not valid, or it has already been used");
        assertThat(visitor.get(path).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/consultations/confirm?token=%3Cscript%3E").statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkOrAClosedConsultationConfirmsNothing() throws Exception {
        Session visitor = new Session();
        String html = visitor.get(page).body();
        for (String who : List.of("late", "closed")) {
            visitor.post(page + "/individual-inputs", Map.of("_csrf", csrf(html),
                    "idempotencyKey", UUID.randomUUID().toString(), "authorName", who,
                    "authorEmail", who + "@example.org", "target", "objective:1", "language", "en",
                    "body", "An input that will not be confirmed: " + who));
        }
        String expired = linkIn(onlyMailTo("late@example.org"));
        jdbc.sql("update consultation_input set confirmation_expires_at = ? where author_email = 'late@example.org'")
                .param(java.sql.Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES))).update();
        String path = URI.create(expired).getRawPath() + "?" + URI.create(expired).getRawQuery();
        assertThat(visitor.get(path).statusCode()).isEqualTo(410);
        HttpResponse<String> refused = visitor.post("/consultations/confirm",
                Map.of("_csrf", csrf(html), "token", expired.substring(expired.indexOf("token=") + 6)));
        assertThat(refused.statusCode()).isEqualTo(410);
        assertThat(refused.body()).contains("expired");

        String afterClose = linkIn(onlyMailTo("closed@example.org"));
        Session coordinator = signedIn(withPassword(scenario.coordinator));
        String steer = coordinator.get("/cycles/" + scenario.cycle.id() + "/consultation").body();
        coordinator.post("/cycles/" + scenario.cycle.id() + "/consultation/close", Map.of("_csrf", csrf(steer)));
        HttpResponse<String> tooLate = visitor.post("/consultations/confirm",
                Map.of("_csrf", csrf(html), "token", afterClose.substring(afterClose.indexOf("token=") + 6)));
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("closed before the input was confirmed");
        assertThat(confirmedInputs()).isZero();
    }

    @Test
    void aRequestFarLargerThanTheFormIsRefusedBeforeItIsRead() throws Exception {
        Session session = signedIn(withPassword(scenario.stakeholder()));
        String form = session.get(page).body();
        HttpResponse<String> response = session.post(page + "/inputs", Map.of("_csrf", csrf(form),
                "idempotencyKey", UUID.randomUUID().toString(), "target", "objective:1", "language", "en",
                "body", "x".repeat(300_000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request too large", "nothing was stored");
        HttpResponse<String> registration = new Session().post("/organisations/register",
                Map.of("name", "y".repeat(300_000)));
        assertThat(registration.statusCode()).isEqualTo(413);
        assertThat(scenario.storedInputs()).isZero();
    }

    /**
     * 16 threads, each signed in as one of four organisations, send 20 inputs each. Ten forms per organisation
     * are sent by all four of its threads at once (a double click, a retry); the others are sent once. Every
     * request must succeed, every form must be stored exactly once, and all requests for one form must get
     * the same receipt.
     */
    @Test
    void concurrentSubmissionsAreStoredExactlyOnceAndNoneIsLost() throws Exception {
        int threads = 16;
        int perThread = 20;
        int organisations = 4;
        int sharedPerOrganisation = 10;
        List<CurrentUser> users = new ArrayList<>();
        List<List<String>> sharedKeys = new ArrayList<>();
        for (int o = 0; o < organisations; o++) {
            users.add(withPassword(scenario.stakeholder()));
            List<String> keys = new ArrayList<>();
            for (int k = 0; k < sharedPerOrganisation; k++) {
                keys.add(UUID.randomUUID().toString());
            }
            sharedKeys.add(keys);
        }
        List<Session> sessions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sessions.add(signedIn(users.get(t % organisations)));
        }
        String form = sessions.get(0).get(page).body();
        assertThat(form).contains("name=\"body\"");

        Map<String, Set<String>> referencesByKey = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Session session = sessions.get(t);
            List<String> shared = sharedKeys.get(t % organisations);
            done.add(pool.submit(() -> {
                start.await();
                for (int j = 0; j < perThread; j++) {
                    String key = j < sharedPerOrganisation ? shared.get(j) : UUID.randomUUID().toString();
                    try {
                        String reference = session.submit(page + "/inputs", key, "Concurrent input " + key);
                        referencesByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(reference);
                    } catch (AssertionError | IOException e) {
                        failures.add(key + ": " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int distinctKeys = organisations * (sharedPerOrganisation + (threads / organisations) * (perThread - sharedPerOrganisation));
        assertThat(failures).isEmpty();
        assertThat(referencesByKey).hasSize(distinctKeys);
        assertThat(referencesByKey.values()).allSatisfy(refs -> assertThat(refs).hasSize(1));
        assertThat(scenario.storedInputs()).isEqualTo(distinctKeys);
        Map<String, String> stored = jdbc.sql("""
                select i.idempotency_key::text, i.reference from consultation_input i
                  join consultation_window w on w.id = i.window_id where w.cycle_id = ?""")
                .param(scenario.cycle.id())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(stored).hasSize(distinctKeys);
        referencesByKey.forEach((key, refs) -> assertThat(stored.get(key)).isEqualTo(refs.iterator().next()));
        assertThat(jdbc.sql("""
                select count(*) from consultation_input i join consultation_window w on w.id = i.window_id
                 where w.cycle_id = ? and i.body <> 'Concurrent input ' || i.idempotency_key::text""")
                .param(scenario.cycle.id()).query(Integer.class).single()).isZero();
    }

    private CurrentUser withPassword(CurrentUser user) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordEncoder.encode(PASSWORD), user.id())
                .update();
        return user;
    }

    private Session signedIn(CurrentUser user) throws IOException, InterruptedException {
        Session session = new Session();
        String login = session.get("/login").body();
        HttpResponse<String> response = session.post("/login",
                Map.of("_csrf", csrf(login), "username", user.username(), "password", PASSWORD));
        assertThat(response.headers().firstValue("Location").orElse("")).as("signed in").endsWith("/tasks");
        return session;
    }

    private int confirmedInputs() {
        return jdbc.sql("""
                select count(*) from consultation_input i join consultation_window w on w.id = i.window_id
                 where w.cycle_id = ? and i.confirmed_at is not null""").param(scenario.cycle.id())
                .query(Integer.class).single();
    }

    private static MimeMessage onlyMailTo(String address) {
        MimeMessage[] messages = MAIL.getReceivedMessagesForDomain(address);
        assertThat(messages).as("mails to " + address).hasSize(1);
        return messages[0];
    }

    private static String linkIn(MimeMessage mail) throws Exception {
        Matcher link = Pattern.compile("http://gcm-review\\.test/consultations/confirm\\?token=[A-Za-z0-9_-]+")
                .matcher((String) mail.getContent());
        assertThat(link.find()).as("a confirmation link in the mail").isTrue();
        return link.group();
    }

    static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    static String receipt(String html) {
        Matcher reference = Pattern.compile("id=\"receipt\".*?<strong>(KEN-CI-\\d+)</strong>", Pattern.DOTALL)
                .matcher(html);
        assertThat(reference.find()).as("a receipt on the page").isTrue();
        // mail is on here (gcm.mail.enabled), so the receipt says it was mailed too
        assertThat(html).contains("We have also sent this receipt by e-mail.");
        return reference.group(1);
    }

    /** A browser-like client: its own cookies (session), no automatic redirects. */
    final class Session {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = new LinkedHashMap<>(fields).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Sends an organisation's input as the form does and follows the redirect to read the receipt. */
        String submit(String path, String key, String text) throws IOException, InterruptedException {
            String form = get(page).body();
            HttpResponse<String> response = post(path, Map.of("_csrf", csrf(form), "idempotencyKey", key,
                    "target", "objective:1", "language", "en", "body", text));
            if (response.statusCode() != 302) {
                throw new AssertionError("status " + response.statusCode());
            }
            String location = response.headers().firstValue("Location").orElseThrow();
            return receipt(get(URI.create(location).getPath()).body());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
