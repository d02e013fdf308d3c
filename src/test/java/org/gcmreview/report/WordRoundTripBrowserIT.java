package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.JourneyScene;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.report.WordFormat.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A ministry drafts in Word, in a real browser: from its drafting task it downloads its contribution (the link
 * the page offers, fetched with the browser's session), edits it (POI, as Word would), uploads it with the
 * upload page, reads the differences and confirms; the drafting page then says so. Every page is checked with
 * axe-core. Scoping the cycle goes through the forms over MockMvc ({@link CycleFixture}).
 */
@BrowserTest
class WordRoundTripBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JourneyScene scene;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser interior;

    @BeforeEach
    void setUp() {
        coordinator = scene.coordinator("KEN");
        interior = scene.ministry("KEN", "INTERIOR");
    }

    @Test
    void theMinistryOfInteriorDraftsInWordAndConfirmsTheChanges(Browser browser) throws Exception {
        long cycleId = cycles.startScoped(coordinator, Map.of(1, interior));
        long contribution = jdbc.sql("select id from contribution where cycle_id = ?").param(cycleId)
                .query(Long.class).single();
        SignedInJourney journey = new SignedInJourney(browser);
        journey.signIn(interior);
        journey.openFromInbox("Draft contribution", cycles.businessKey(cycleId));
        String draftingPage = browser.path();

        String href = browser.find(By.xpath("//a[normalize-space()='Download your contribution as Word (.docx)']"))
                .getDomAttribute("href");
        byte[] docx = download(browser, href);
        WordFiles word = new WordFiles(docx);
        WordFiles.retype(word.firstParagraphUnder(WordFormat.marker(contribution, Field.NARRATIVE)),
                "Written in Word: the ministry opened two registration offices.");
        WordFiles.retype(word.firstParagraphUnder(WordFormat.marker(contribution, Field.STATUS)), "In progress");
        Path file = Files.createTempFile("contribution", ".docx");
        Files.write(file, word.bytes());

        browser.tabTo(By.xpath("//a[normalize-space()='Upload your contribution from Word']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Upload your contribution from Word");
        browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.tabTo(journey.button("Upload and show the changes"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Check the changes from your Word file");
        assertThat(browser.findAll(By.cssSelector(".word-change h3")).stream().map(e -> e.getText())
                .collect(Collectors.toList())).containsExactly("Implementation status", "What has been done");
        assertThat(browser.find(By.cssSelector(".word-change ins")).getText()).isNotEmpty();

        browser.tabTo(journey.button("Save these changes as a new revision"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo(draftingPage);
        assertThat(journey.confirmation())
                .isEqualTo("Saved from your Word file: 1 objective changed, as a new revision.");
        assertThat(jdbc.sql("select body from contribution where id = ?").param(contribution).query(String.class)
                .single()).isEqualTo("Written in Word: the ministry opened two registration offices.");
        Files.delete(file);
    }

    /** Fetches a link with the browser's session cookie, as the browser's download would. */
    private static byte[] download(Browser browser, String href) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(browser.baseUrl() + href)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        return response.body();
    }
}
