package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.MultiValueMap;

/**
 * A browser's session over real HTTP against the servlet container (MockMvc applies none of Tomcat's limits):
 * signs a test user in through the login form, reads pages, and posts forms url-encoded or multipart exactly
 * as a browser encodes them. Redirects are not followed, so a test sees where a form sends the user.
 */
public final class HttpUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private long lastBodyBytes;

    public HttpUser(int port) {
        this.port = port;
    }

    /** A user's session: gives the user a password and signs in with it through /login. */
    public static HttpUser signedIn(int port, CurrentUser user, JdbcClient jdbc, PasswordEncoder encoder)
            throws Exception {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(encoder.encode("full-size-pw"), user.id())
                .update();
        HttpUser session = new HttpUser(port);
        String token = csrf(session.get("/login").body());
        HttpResponse<String> login = session.postForm("/login", "username=" + URLEncoder.encode(user.username(),
                StandardCharsets.UTF_8) + "&password=full-size-pw&_csrf=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8));
        assertThat(login.headers().firstValue("Location")).as("sign-in of %s", user.username())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return session;
    }

    /** The page's language from now on, as the header's language switch leaves it. */
    public HttpUser language(String code) {
        HttpCookie cookie = new HttpCookie("gcm-lang", code);
        cookie.setPath("/");
        cookies.getCookieStore().add(uri("/"), cookie);
        return this;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postForm(String path, String body) throws Exception {
        return send(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.US_ASCII), Map.of());
    }

    public HttpResponse<String> post(String path, MultiValueMap<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return postForm(path, body.toString());
    }

    /** A multipart form: the fields in order, then a file (name, bytes, content type) per file field. */
    public HttpResponse<String> postMultipart(String path, MultiValueMap<String, String> fields,
            MultiValueMap<String, Upload> files, Map<String, String> headers) throws Exception {
        String boundary = "----gcmFormBoundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, values) -> values.forEach(value -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }));
        files.forEach((name, uploads) -> uploads.forEach(upload -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + upload.fileName() + "\"\r\nContent-Type: " + upload.contentType() + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(upload.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
    }

    private HttpResponse<String> send(String path, String type, byte[] body, Map<String, String> headers)
            throws Exception {
        lastBodyBytes = body.length;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Size of the body of the last form posted. */
    public long lastBodyBytes() {
        return lastBodyBytes;
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A file as a browser sends it in a multipart form. */
    public record Upload(String fileName, String contentType, byte[] bytes) {
    }
}
