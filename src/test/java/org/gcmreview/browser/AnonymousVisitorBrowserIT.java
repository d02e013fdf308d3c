package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;

/** A visitor who is not signed in reads the public pages, with a real browser and only the keyboard. */
@BrowserTest
class AnonymousVisitorBrowserIT {

    @Test
    void readsTheHomePage(Browser browser) {
        browser.visit("/");

        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("GCM voluntary progress reporting");
        assertThat(browser.find(By.cssSelector("main")).getText()).contains("23 objectives");
        assertThat(browser.find(By.linkText("Sign in"))).isNotNull();
        assertNoScripts(browser);
    }

    @Test
    void followsTheLinkToTheObjectivesAndReadsThem(Browser browser) {
        browser.visit("/");
        browser.tabTo(By.linkText("The 23 GCM objectives"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/reference/objectives");
        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo("The 23 objectives of the Global Compact for Migration");
        assertThat(browser.findAll(By.cssSelector("main article"))).hasSize(23);
        assertThat(browser.find(By.id("objective-23-heading")).getText())
                .isEqualTo("Objective 23: International cooperation");
        assertNoScripts(browser);
    }

    @Test
    void readsTheGuidingPrinciples(Browser browser) {
        browser.visit("/reference/principles");

        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo("Guiding principles of the Global Compact for Migration");
        assertThat(browser.findAll(By.cssSelector("ol.principles h2")))
                .extracting(WebElement::getText)
                .contains("Human rights", "Whole-of-society approach");
        assertNoScripts(browser);
    }

    @Test
    void theSkipLinkIsTheFirstStopAndMovesTheFocusToTheMainContent(Browser browser) {
        browser.visit("/reference/objectives");

        browser.press(Keys.TAB);
        WebElement skipLink = browser.focused();
        assertThat(skipLink.getText()).isEqualTo("Skip to main content");
        assertThat(skipLink.getDomAttribute("href")).isEqualTo("#main");
        // hidden off-screen until focused, then shown where a sighted keyboard user sees it
        Point position = skipLink.getLocation();
        assertThat(position.getX()).isGreaterThanOrEqualTo(0);
        assertThat(position.getY()).isGreaterThanOrEqualTo(0);
        assertThat(skipLink.isDisplayed()).isTrue();

        browser.press(Keys.ENTER);
        assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
        assertThat(browser.focused().getTagName()).isEqualTo("main");
    }

    /** The pages work without JavaScript because they have none. */
    static void assertNoScripts(Browser browser) {
        assertThat(browser.findAll(By.tagName("script"))).as("<script> elements on %s", browser.path()).isEmpty();
    }
}
