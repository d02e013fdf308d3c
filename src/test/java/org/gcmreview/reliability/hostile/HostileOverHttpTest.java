package org.gcmreview.reliability.hostile;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refusals of org.gcmreview.web.FormRequestGuard against the real servlet container: MockMvc neither decodes
 * a form body the way Tomcat does nor applies Tomcat's limits, and the guard relies on what Tomcat does with bad
 * bytes and large bodies. A public form (organisation registration) and the language switch are the targets.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostileOverHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token;

    @BeforeEach
    void session() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/organisations/register")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF token on the registration page").isTrue();
        token = matcher.group(1);
    }

    @Test
    void aRegistrationWhoseBytesAreNotUtf8IsRefusedAndNothingIsStored() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&stakeholderType=MIGRANT_DIASPORA&country=KEN&contactName=Amina&contactEmail=amina%40example.org"
                + "&username=forum-" + unique + "&password=a+long+enough+password&passwordRepeated=a+long+enough+password"
                + "&name=Forum+" + unique;
        for (byte[] bad : new byte[][] {"+caf%C3%28%80".getBytes(StandardCharsets.US_ASCII), {' ', (byte) 0xFF, (byte) 0xFE}}) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(form.getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(bad);
            DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
            HttpResponse<String> response = post("/organisations/register",
                    "application/x-www-form-urlencoded; charset=UTF-8", body.toByteArray());
            assertThat(response.statusCode()).as("body %s", response.body()).isEqualTo(400);
            assertThat(response.body()).contains("not valid UTF-8").doesNotContain("Exception");
            assertThat(before.differences(DatabaseSnapshot.take(jdbc))).isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from organisation where name like ?").param("Forum " + unique + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void jsonIsNotAFormOfThisApplication() throws Exception {
        DatabaseSnapshot before = DatabaseSnapshot.take(jdbc);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/language"))
                .header("Content-Type", "application/json").header("X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"lang\":\"fr\",\"return\":\"/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("only accepts the application&#39;s own forms");
        assertThat(before.differences(DatabaseSnapshot.take(jdbc))).isEmpty();
    }

    @Test
    void aFormBodyOverTheContainersLimitGets413NotAMisleading403() throws Exception {
        String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&lang=fr&return=" + "x".repeat(
                2 * 1024 * 1024 + 10);
        HttpResponse<String> response = post("/language", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than any form of this application accepts");
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
