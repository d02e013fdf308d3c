package org.gcmreview.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person in a browser, reduced to what the tests need: one session cookie (sent explicitly, so it is the same
 * cookie whichever node a request goes to) and the session's CSRF token. Redirects are not followed: a 302 is
 * the answer under test. Safe to use from several threads at once, like several tabs.
 */
final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String username;
    private final HttpClient http;
    private volatile String sessionCookie;
    private volatile String csrfToken;

    private WebUser(String username) {
        this.username = username;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the login form of the given node; fails unless the sign-in leads to the task list. */
    static WebUser signIn(AppNode node, String username, String password) throws IOException, InterruptedException {
        WebUser user = new WebUser(username);
        HttpResponse<String> response = user.attemptSignIn(node, password);
        assertThat(response.headers().firstValue("Location")).as("sign-in of %s on %s", username, node)
                .hasValueSatisfying(location -> assertThat(location).endsWith("/tasks"));
        return user;
    }

    /** Somebody not signed in (yet), e.g. following a link from a mail. */
    static WebUser anonymous() {
        return new WebUser("anonymous");
    }

    /** A sign-in attempt of someone not signed in; the response says how it went (Location). */
    static HttpResponse<String> attemptSignIn(AppNode node, String username, String password)
            throws IOException, InterruptedException {
        return new WebUser(username).attemptSignIn(node, password);
    }

    private HttpResponse<String> attemptSignIn(AppNode node, String password) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get(node, "/login");
        takeCsrfToken(loginPage);
        HttpResponse<String> response = post(node, "/login", Map.of("username", List.of(username),
                "password", List.of(password)));
        // Spring Security issues a new session id and CSRF token at sign-in (session fixation protection)
        csrfToken = null;
        return response;
    }

    String username() {
        return username;
    }

    String sessionCookie() {
        return sessionCookie;
    }

    HttpResponse<String> get(AppNode node, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(node.uri(path)).GET());
    }

    /** Reads the session's CSRF token off a page now, so that the next posts need no page first. */
    WebUser withCsrfToken(AppNode node) throws IOException, InterruptedException {
        takeCsrfToken(get(node, "/"));
        return this;
    }

    /**
     * Takes the CSRF token from a page already fetched: an anonymous visitor's pages carry one only where they have
     * a form (the header's language switch needs none, so that reading costs no session).
     */
    WebUser withCsrfTokenOf(HttpResponse<String> page) {
        takeCsrfToken(page);
        return this;
    }

    /** A form post with the session's CSRF token (fetched from a page on first use). */
    HttpResponse<String> post(AppNode node, String path, Map<String, List<String>> fields)
            throws IOException, InterruptedException {
        if (csrfToken == null) {
            takeCsrfToken(get(node, "/"));
        }
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, values) -> values.forEach(value -> pairs.add(encode(name) + "=" + encode(value))));
        pairs.add("_csrf=" + encode(csrfToken));
        return send(HttpRequest.newBuilder(node.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String cookie = sessionCookie;
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        sessionCookieOf(response).ifPresent(value -> sessionCookie = value);
        return response;
    }

    private void takeCsrfToken(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("CSRF token on %s (status %s)", page.uri(), page.statusCode()).isTrue();
        csrfToken = token.group(1);
    }

    private static Optional<String> sessionCookieOf(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.split(";", 2)[0])
                .findFirst();
    }

    static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return username + Optional.ofNullable(sessionCookie).map(c -> " (" + c.substring(0, Math.min(16, c.length()))
                + "...)").stream().collect(Collectors.joining());
    }
}
