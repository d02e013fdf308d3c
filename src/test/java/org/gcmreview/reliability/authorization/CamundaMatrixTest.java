package org.gcmreview.reliability.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.CockpitRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The authorization matrix for /camunda/**: every HTTP method, every caller, over real HTTP (Camunda's webapps and
 * REST API are servlets and filters of their own that MockMvc does not have). Only the administrator gets through,
 * and only to read Cockpit and to retry jobs: Tasklist, Admin, task completion, deployments, variables, process
 * starts and messages are refused to everybody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.autoconfigure.exclude=", "gcm.engine.foreign-deployments-allowed=false"})
class CamundaMatrixTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String PASSWORD = "Osprey-Meadow-9034";
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final String ENGINE = "/camunda/api/engine/engine/default";
    private static final List<String> PATHS = List.of(
            "/camunda/app/cockpit/default/",
            "/camunda/app/tasklist/default/",
            "/camunda/app/admin/default/",
            "/camunda/api/admin/auth/user/default",
            "/camunda/api/admin/setup/default/user/create",
            "/camunda/api/cockpit/plugin/base/default/process-instance",
            ENGINE + "/task",
            ENGINE + "/task/some-task/complete",
            ENGINE + "/deployment/create",
            ENGINE + "/process-instance/some-instance/variables/decision",
            ENGINE + "/process-definition/key/national-review/start",
            ENGINE + "/message",
            ENGINE + "/job/some-job/retries");
    /** What the administrator may do: read (except the removed webapps), query, retry. */
    private static final Set<String> ADMIN_MAY = Set.of(
            "GET /camunda/app/cockpit/default/", "HEAD /camunda/app/cockpit/default/",
            "GET /camunda/api/admin/auth/user/default", "HEAD /camunda/api/admin/auth/user/default",
            "GET /camunda/api/cockpit/plugin/base/default/process-instance",
            "HEAD /camunda/api/cockpit/plugin/base/default/process-instance",
            "POST /camunda/api/cockpit/plugin/base/default/process-instance",
            "GET " + ENGINE + "/task", "HEAD " + ENGINE + "/task", "POST " + ENGINE + "/task",
            "GET " + ENGINE + "/task/some-task/complete", "HEAD " + ENGINE + "/task/some-task/complete",
            "GET " + ENGINE + "/deployment/create", "HEAD " + ENGINE + "/deployment/create",
            "GET " + ENGINE + "/process-instance/some-instance/variables/decision",
            "HEAD " + ENGINE + "/process-instance/some-instance/variables/decision",
            "GET " + ENGINE + "/process-definition/key/national-review/start",
            "HEAD " + ENGINE + "/process-definition/key/national-review/start",
            "GET " + ENGINE + "/message", "HEAD " + ENGINE + "/message",
            "GET " + ENGINE + "/job/some-job/retries", "HEAD " + ENGINE + "/job/some-job/retries",
            "PUT " + ENGINE + "/job/some-job/retries");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void cockpitRuns() {
        CockpitRuntime.ensure();
    }

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheExpectedAnswerForEveryMethod() throws Exception {
        Map<Caller, HttpClient> clients = new EnumMap<>(Caller.class);
        TestUsers users = new TestUsers(jdbc);
        String hash = passwordEncoder.encode(PASSWORD);
        for (Caller caller : Caller.values()) {
            CurrentUser user = caller.create(users);
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            if (user != null) {
                jdbc.sql("update app_user set password_hash = ? where id = ?").params(hash, user.id()).update();
                signIn(client, user.username());
            }
            clients.put(caller, client);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : PATHS) {
            for (String method : METHODS) {
                for (Caller caller : Caller.values()) {
                    Access expected = caller == Caller.ANONYMOUS ? Access.SIGN_IN
                            : caller != Caller.ADMIN ? Access.FORBIDDEN
                            : ADMIN_MAY.contains(method + " " + path) ? Access.ALLOWED : Access.FORBIDDEN;
                    tests.add(DynamicTest.dynamicTest(method + " " + path + " as " + caller + " -> " + expected,
                            () -> assertThat(access(clients.get(caller), method, path))
                                    .as("%s %s as %s", method, path, caller).isEqualTo(expected)));
                }
            }
        }
        return tests.stream();
    }

    private Access access(HttpClient client, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json, text/html")
                .method(method, method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            request.header("Content-Type", "application/json");
        }
        // Camunda's own CSRF defence wants its token echoed, as Cockpit does; without it Camunda itself says 403
        xsrfToken(client).ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        String location = response.headers().firstValue("Location").orElse("");
        if (status >= 500 && !method.equals("HEAD")) {
            // Camunda's REST API answers an unknown id with 500 and its own JSON error: past every check of ours
            assertThat(response.body()).as("%s %s answered %s", method, path, status).contains("\"type\"");
        }
        if (status / 100 == 3 && location.matches(".*/login(\\?.*)?$")) {
            return Access.SIGN_IN;
        }
        if (status == 403 && response.headers().firstValue("X-XSRF-TOKEN").isEmpty()) {
            return Access.FORBIDDEN;
        }
        if (status == 401) {
            return Access.UNAUTHORIZED;
        }
        return Access.ALLOWED;
    }

    private java.util.Optional<String> xsrfToken(HttpClient client) throws Exception {
        if (client.cookieHandler().isEmpty()) {
            return java.util.Optional.empty();
        }
        CookieManager cookies = (CookieManager) client.cookieHandler().get();
        java.util.Optional<String> token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst();
        if (token.isEmpty()) {
            client.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst();
        }
        return token;
    }

    private void signIn(HttpClient client, String username) throws Exception {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + PASSWORD
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).as("sign-in of %s", username)
                .hasValueSatisfying(location -> assertThat(location).endsWith("/tasks"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
