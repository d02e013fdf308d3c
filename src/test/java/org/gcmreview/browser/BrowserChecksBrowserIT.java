package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The checks every journey relies on do catch what they are meant to catch. */
@BrowserTest
class BrowserChecksBrowserIT {

    @Test
    void axeFailsAPageWithSeriousViolations(Browser browser) {
        browser.driver().get(page("<title>Bad</title><main><img src='data:image/gif;base64,"
                + "R0lGODlhAQABAAAAACw='><input type='text'></main>"));

        assertThat(Axe.run(browser.driver())).extracting(Axe.Violation::id)
                .contains("image-alt", "label", "html-has-lang");
        assertThatThrownBy(() -> Axe.check(browser.driver()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt [critical]")
                .hasMessageContaining("label [critical]")
                .hasMessageContaining("html-has-lang [serious]");
    }

    @Test
    void aRequestToAnotherHostFailsThePage(Browser browser) {
        browser.driver().get(page("<title>CDN</title><link rel='stylesheet' "
                + "href='https://cdn.example.org/framework.css'><main><h1>Hello</h1></main>"));

        assertThatThrownBy(browser::checkPage)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("https://cdn.example.org/framework.css");
    }

    @Test
    void anErrorStatusFailsAJourneyThatDidNotExpectIt(Browser browser) {
        assertThatThrownBy(() -> browser.visit("/reference/no-such-page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("HTTP status of /reference/no-such-page")
                .hasMessageContaining("404");
    }

    @Test
    void pageWeightCountsTheDocumentAndTheStylesheet(Browser browser) throws IOException {
        PageWeight weight = browser.visit("/login");

        assertThat(weight.path()).isEqualTo("/login");
        assertThat(weight.entries()).extracting(PageWeight.Entry::url)
                .containsExactly(browser.baseUrl() + "/login", browser.baseUrl() + "/css/app.css");
        PageWeight.Entry stylesheet = weight.entries().get(1);
        // served compressed (server.compression: the browser asks for gzip), so less came over the wire than the file
        assertThat(stylesheet.encodedBodySize()).isPositive().isLessThan(resourceSize("/static/css/app.css"));
        // a fresh cache: the stylesheet really came over the network, headers included
        assertThat(stylesheet.transferSize()).isGreaterThan(stylesheet.encodedBodySize());
        assertThat(weight.bytes()).isEqualTo(weight.entries().get(0).bytes() + stylesheet.bytes());
        assertThat(weight.line()).matches("page-weight: /login \\d+\\.\\d KB");
    }

    private static String page(String body) {
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode("<!DOCTYPE html><html>" + body + "</html>", StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static long resourceSize(String name) throws IOException {
        try (InputStream in = BrowserChecksBrowserIT.class.getResourceAsStream(name)) {
            return in.readAllBytes().length;
        }
    }
}
