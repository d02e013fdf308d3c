package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gcmreview.consultation.ConsultationScenario;
import org.gcmreview.consultation.ConsultationScenarios;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Sessions as in production, in a real browser over the real container: Spring Session JDBC on (the other browser
 * journeys keep the servlet container's sessions, see src/test/resources/config/application.yml), so what
 * org.gcmreview.cluster.SessionStore leaves out of each request (the second read, the last access within the
 * minute) is walked as people use it: a sign-in that changes the session id, a form whose redirect carries its
 * receipt in the session, a language kept in the session, and a sign-out. Its own context for that one setting.
 */
@BrowserTest
@TestPropertySource(properties = "spring.autoconfigure.exclude=")
class DatabaseSessionBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ConsultationScenarios consultations;

    @Test
    void aStakeholderSendsAnInputChoosesALanguageAndSignsOutOnADatabaseSession(Browser browser) {
        // the consultation at its full size: a cycle of all 23 objectives (the fixture scopes 1 to 3)
        ConsultationScenario consultation = consultations.start();
        jdbc.sql("insert into cycle_objective (cycle_id, objective_number) select ?, g from generate_series(4, 23) g")
                .param(consultation.cycle.id()).update();
        consultation.openWindow();
        CurrentUser stakeholder = SignedInJourney.canSignIn(consultation.stakeholder(), jdbc, passwordEncoder);
        SignedInJourney journey = new SignedInJourney(browser);
        journey.signIn(stakeholder);
        assertThat(sessionsOf(stakeholder)).as("the signed-in session is a row of spring_session").isEqualTo(1);

        // the form at its full size: every objective open for input, the longest text it takes
        browser.visit("/consultations/" + consultation.cycle.businessKey());
        Select target = new Select(browser.find(By.id("target")));
        List<WebElement> objectives = target.getOptions().stream()
                .filter(option -> option.getDomAttribute("value").startsWith("objective:")).toList();
        assertThat(objectives).as("objectives open for input").hasSize(23);
        target.selectByValue(objectives.get(22).getDomAttribute("value"));
        WebElement body = browser.find(By.id("body"));
        String text = "Return and reintegration: ".repeat(193).substring(0,
                Integer.parseInt(body.getDomAttribute("maxlength")));
        body.sendKeys(text);
        browser.tabTo(By.xpath("//form[@id='organisation-form']//button[normalize-space()='Send my input']"));
        browser.after(() -> browser.press(Keys.ENTER));

        // the receipt came through the session across the redirect, once
        String reference = browser.find(By.cssSelector("#receipt strong")).getText();
        assertThat(reference).startsWith("KEN-");
        assertThat(jdbc.sql("select count(*) from consultation_input where reference = ? and length(body) = ?")
                .params(reference, text.length()).query(Long.class).single()).isEqualTo(1);
        browser.visit("/consultations/" + consultation.cycle.businessKey());
        assertThat(browser.findAll(By.id("receipt"))).as("the receipt is shown once").isEmpty();
        assertThat(browser.find(By.tagName("table")).getText()).contains(reference);

        // a language chosen here is kept in the session: the next page is in French without the cookie
        new Select(browser.find(By.id("lang"))).selectByValue("fr");
        browser.tabTo(By.xpath("//form[@class='language']//button"));
        browser.after(() -> browser.press(Keys.ENTER));
        browser.driver().manage().deleteCookieNamed("gcm-lang");
        browser.visit("/my-consultations");
        assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");

        browser.tabTo(By.xpath("//form[contains(@action, 'logout')]//button"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/login?logout");
        assertThat(sessionsOf(stakeholder)).as("signing out deletes the session's row").isZero();
        browser.visit("/my-consultations");
        assertThat(browser.path()).isEqualTo("/login");
    }

    private long sessionsOf(CurrentUser user) {
        return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(user.username())
                .query(Long.class).single();
    }
}
