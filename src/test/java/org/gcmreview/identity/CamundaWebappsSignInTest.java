package org.gcmreview.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's Cockpit and Admin over real HTTP: they run in servlets and filters of their own that MockMvc does
 * not have. An administrator signs in once, on /login, and Camunda knows them, with users and groups read from
 * our tables; nobody else gets in.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CamundaWebappsSignInTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void cockpitRuns() {
        CockpitRuntime.ensure();
    }

    @Test
    void anAdministratorSignedInToTheApplicationIsSignedInToCockpit() throws Exception {
        Browser admin = new Browser();
        assertThat(admin.signIn("admin", "demo").statusCode()).isEqualTo(302);

        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> me = admin.get("/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode authentication = json.readTree(me.body());
        assertThat(authentication.get("userId").asText()).isEqualTo("admin");
        assertThat(authentication.get("authorizedApps").toString()).contains("cockpit", "admin");

        HttpResponse<String> coordinators =
                admin.get("/camunda/api/engine/engine/default/user?memberOfGroup=coordinator-KEN");
        assertThat(coordinators.statusCode()).isEqualTo(200);
        assertThat(json.readTree(coordinators.body()).findValuesAsText("id")).contains("coordinator.ken");
        // still signed in to the application too: Camunda kept the session
        assertThat(admin.get("/tasks").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyElseGetsIntoCamundasWebappsOrApi() throws Exception {
        Browser coordinator = new Browser();
        assertThat(coordinator.signIn("coordinator.ken", "demo").statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(coordinator.get("/camunda/api/engine/engine/default/user").statusCode()).isEqualTo(403);
        assertThat(coordinator.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = new Browser().get("/camunda/api/engine/engine/default/user");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    /** A client that keeps cookies like a browser and does not follow redirects. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
            Matcher csrf = CSRF_FIELD.matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            return http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
