package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security headers over real HTTP (Tomcat on a random port), as a browser or the TLS-terminating proxy in front
 * of the app sends requests. The proxy is played by the test itself: it connects from loopback, which this test
 * names as the trusted proxy (server.tomcat.remoteip.internal-proxies; the default is none, and then the headers
 * are ignored: org.gcmreview.security.SideDoorsOverHttpTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class SecurityHeadersIT {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A page, a redirect to the login page and an error page all carry every header. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/tasks", "/no-such-page"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> response = get(path, false);
        assertThat(response.statusCode()).isIn(200, 302, 404);
        assertThat(header(response, "Content-Security-Policy")).hasValue(CSP);
        assertThat(CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").contains("frame-ancestors 'none'");
        assertThat(header(response, "X-Content-Type-Options")).hasValue("nosniff");
        assertThat(header(response, "X-Frame-Options")).hasValue("DENY");
        assertThat(header(response, "Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    }

    @Test
    void hstsOnlyForRequestsThatCameOverTls() throws Exception {
        HttpResponse<String> secure = get("/login", true);
        assertThat(header(secure, "Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(sessionCookie(secure)).contains("Secure").contains("HttpOnly");

        HttpResponse<String> plain = get("/login", false);
        assertThat(header(plain, "Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(plain)).contains("HttpOnly").doesNotContain("Secure");
    }

    /** Behind the proxy, redirects keep the browser on https. */
    @Test
    void redirectsBehindTheProxyStayOnHttps() throws Exception {
        assertThat(header(get("/tasks", true), "Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("https://").endsWith("/login"));
        assertThat(header(get("/tasks", false), "Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith("http://").endsWith("/login"));
    }

    /** Throttling and the audit log see the client's address, not the proxy's. */
    @Test
    void theClientAddressComesFromTheTrustedProxy() throws Exception {
        String client = "203.0.113." + (1 + (int) (Math.random() * 250));
        String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> loginPage = get("/login", true);
        Matcher token = CSRF.matcher(loginPage.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=wrong&_csrf=" + URLEncoder.encode(token.group(1),
                StandardCharsets.UTF_8);
        HttpResponse<String> failed = http.send(HttpRequest.newBuilder(uri("/login"))
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", client)
                        .header("Cookie", sessionCookie(loginPage).split(";")[0])
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(302);
        assertThat(header(failed, "Location")).hasValue("https://localhost/login?error");
        assertThat(jdbc.sql("select client_address from login_failure where username = ?").param(username)
                .query(String.class).list()).containsExactly(client);
        assertThat(jdbc.sql("select subject_id from audit_event where action = 'LOGIN_FAILED' and actor = ?")
                .param(username).query(String.class).list()).containsExactly(client);
    }

    private HttpResponse<String> get(String path, boolean overTls) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (overTls) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        List<String> values = response.headers().allValues(name);
        assertThat(values).as("at most one %s header", name).hasSizeLessThanOrEqualTo(1);
        return values.stream().findFirst();
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID=") || cookie.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }
}
