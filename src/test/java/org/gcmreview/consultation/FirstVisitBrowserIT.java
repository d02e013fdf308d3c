package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A first visit, following only what the pages show, by keyboard: a stakeholder signs in and gets from their
 * landing page to a receipt for their input; a coordinator signs in and gets from the cycle page to an open
 * consultation, opened now with a confirmation. (The secretariat's first visit, from signing in to an
 * acknowledgement, is SecretariatAcknowledgesBrowserIT.) Every page passes the accessibility, weight and
 * no-other-host checks of the browser helper.
 */
@BrowserTest
class FirstVisitBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ConsultationScenarios scenarios;

    @Test
    void aStakeholderFindsTheOpenConsultationFromSignInAndGetsAReceipt(Browser browser) {
        ConsultationScenario scenario = scenarios.start();
        scenario.openWindow();
        CurrentUser stakeholder = SignedInJourney.canSignIn(scenario.stakeholder(), jdbc, passwordEncoder);
        SignedInJourney journey = new SignedInJourney(browser);

        journey.signIn(stakeholder);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("My consultations");
        assertThat(browser.find(By.tagName("nav")).getText()).contains("Consultations").doesNotContain("My tasks");
        assertThat(browser.find(By.id("no-inputs")).getText()).isEqualTo("You have not sent any input yet.");
        By consultation = By.cssSelector("#current-consultations a[href='/consultations/"
                + scenario.cycle.businessKey() + "']");
        browser.tabTo(consultation);
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/consultations/" + scenario.cycle.businessKey());
        new Select(browser.find(By.id("target"))).selectByValue("objective:2");
        new Select(browser.find(By.id("language"))).selectByValue("en");
        browser.tabTo(By.id("body"));
        browser.type("Our members ask for more data on returns in the next report.");
        browser.tabTo(By.xpath("//button[normalize-space()='Send my input']"));
        browser.after(() -> browser.press(Keys.ENTER));
        String receipt = browser.find(By.id("receipt")).getText();
        assertThat(receipt).contains("Your reference number:").containsPattern("KEN-CI-\\d{6}");
        String reference = browser.find(By.cssSelector("#receipt strong")).getText();

        // back on their page, the input is listed with where it stands
        browser.tabTo(By.linkText("My consultations"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("my-inputs")).getText()).contains(reference, "Received, not yet reviewed");
    }

    @Test
    void aCoordinatorOpensThePlannedConsultationNowFromSignIn(Browser browser) {
        ConsultationScenario scenario = scenarios.scheduled();
        CurrentUser coordinator = SignedInJourney.canSignIn(scenario.coordinator, jdbc, passwordEncoder);
        SignedInJourney journey = new SignedInJourney(browser);

        journey.signIn(coordinator);
        browser.tabTo(By.linkText("Review cycles"));
        browser.after(() -> browser.press(Keys.ENTER));
        browser.tabTo(By.linkText(scenario.cycle.businessKey()));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("timeline")).getText()).contains("Stakeholder consultation");
        browser.tabTo(By.partialLinkText("Stakeholder consultation:"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/cycles/" + scenario.cycle.id() + "/consultation");

        // without the confirmation the browser does not send the form (required); ticked, the window opens
        browser.tabTo(By.id("confirmOpen"));
        browser.press(Keys.SPACE);
        assertThat(browser.find(By.id("confirmOpen")).isSelected()).isTrue();
        browser.tabTo(journey.button("Open the consultation now"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(journey.confirmation()).startsWith("The consultation is open.");
        assertThat(browser.find(By.id("window-status")).getText()).isEqualTo("Open");
        assertThat(browser.findAll(By.id("open-now-form"))).isEmpty();
        assertThat(scenario.window().acceptsInputs(java.time.Instant.now())).isTrue();
    }
}
