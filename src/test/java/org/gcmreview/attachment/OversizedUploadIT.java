package org.gcmreview.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A file above the servlet container's multipart limit never reaches a form: Tomcat refuses to parse the
 * request. Over real HTTP (MockMvc does not enforce the limit) the user must still get a page that says the
 * file is too large. Same Spring configuration as the browser tests, so it shares their application context.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OversizedUploadIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aFileOverTheLimitGetsAPageSayingSoNotAnError() throws Exception {
        CurrentUser user = new TestUsers(jdbc).ministry("KEN", "INTERIOR");
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwordEncoder.encode("upload-pw"), user.id()).update();
        String token = csrf(get("/login"));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user.username() + "&password=upload-pw&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/tasks"));
        token = csrf(get("/tasks"));

        // as a browser sends a form of ours: the CSRF field first (Thymeleaf puts it there), then the file
        String boundary = "----gcm" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(SampleFiles.pdf());
        body.write(new byte[11 * 1024 * 1024]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(
                        uri("/tasks/" + UUID.randomUUID()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(413);
        assertThat(upload.body()).contains("The file you chose is too large; files can be at most 10 MB.")
                .doesNotContain("Exception");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
