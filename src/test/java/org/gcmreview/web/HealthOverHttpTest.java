package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The health endpoints over real HTTP, as a load balancer or monitor calls them, with mail switched off (the
 * default): no SMTP server is needed, so none is asked; the database is.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HealthOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpointGroups groups;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theWorkingAppIsUpWithMailSwitchedOff() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness",
                "/actuator/health/liveness"}) {
            HttpResponse<String> health = get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void readinessNeedsTheDatabaseAndLivenessDoesNot() {
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.get("readiness").isMember("mail")).isFalse();
        // a database outage is not cured by restarting the app
        assertThat(groups.get("liveness").isMember("db")).isFalse();
        assertThat(groups.getPrimary().isMember("db")).isTrue();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
