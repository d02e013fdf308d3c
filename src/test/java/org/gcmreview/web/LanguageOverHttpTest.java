package org.gcmreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gcmreview.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page language over real HTTP (Tomcat parses the cookie and the headers, as MockMvc does not): a language
 * cookie or Accept-Language header the product does not know falls back to the default, never to an error page
 * and never echoed into the page or its headers.
 */
@ApplicationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LanguageOverHttpTest {

    private static final Pattern HTML_LANG = Pattern.compile("<html\\b[^>]*\\slang=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "..", "de", "xx-YY", "en_GB_%2e%2e", "-", "fr-CA", "<script>"})
    void anUnknownLanguageCookieFallsBackToEnglish(String value) throws Exception {
        for (String path : new String[] {"/", "/reference/objectives", "/login"}) {
            HttpResponse<String> page = get(path, "Cookie", "gcm-lang=" + value);
            assertThat(page.statusCode()).as("%s with gcm-lang=%s", path, value).isEqualTo(200);
            assertThat(htmlLang(page)).isEqualTo("en");
            assertThat(page.headers().firstValue("Content-Language")).contains("en");
        }
    }

    @Test
    void aBadCookieLeavesTheBrowsersLanguageToChoose() throws Exception {
        HttpResponse<String> page = send(request("/").header("Cookie", "gcm-lang=../../etc")
                .header("Accept-Language", "es-MX, en;q=0.5"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(htmlLang(page)).isEqualTo("es");
        assertThat(page.headers().firstValue("Content-Language")).contains("es");
    }

    @Test
    void aKnownLanguageWithAnUnreadableTimeZonePartIsStillThatLanguage() throws Exception {
        // The cookie format allows "<language>/<time zone>"; the product never writes a time zone.
        HttpResponse<String> page = get("/", "Cookie", "gcm-lang=fr/../../etc");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(htmlLang(page)).isEqualTo("fr");
        assertThat(page.headers().firstValue("Content-Language")).contains("fr");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc", "*;q=abc", "xx-YY, ;;;, q=1", "de-DE,tlh;q=0.9", "en-", "ar;q=2"})
    void junkInAcceptLanguageFallsBackToEnglish(String header) throws Exception {
        HttpResponse<String> page = get("/", "Accept-Language", header);
        assertThat(page.statusCode()).as("Accept-Language: %s", header).isEqualTo(200);
        assertThat(htmlLang(page)).isEqualTo("en");
        assertThat(page.headers().firstValue("Content-Language")).contains("en");
    }

    /** The lang attribute of the page's html element. */
    static String htmlLang(HttpResponse<String> page) {
        Matcher m = HTML_LANG.matcher(page.body());
        assertThat(m.find()).as("an html element with a lang attribute").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        return send(request(path).header(header, value));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
