package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The consultation in a real browser, by keyboard and without JavaScript: an organisation registers, its
 * coordinator verifies it, its contact sends an input and gets the receipt; later anyone reads what was heard.
 * Every page passes the accessibility, weight and no-other-host checks.
 */
@BrowserTest
class ConsultationBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser coordinator;
    ReviewCycle cycle;

    @BeforeEach
    void setUp() {
        coordinator = withPassword(users.coordinator("KEN"));
        cycle = fixtures.cycle(coordinator);
    }

    @Test
    void anOrganisationRegistersIsVerifiedSendsAnInputAndGetsItsReceipt(Browser browser) {
        openWindow(Instant.now().plus(7, ChronoUnit.DAYS), "OPEN");
        jdbc.sql("update consultation_window set allow_individuals = true where cycle_id = ?").param(cycle.id()).update();
        String organisation = "Coast Migrant Workers Association " + UUID.randomUUID().toString().substring(0, 6);
        String username = "coast-" + UUID.randomUUID().toString().substring(0, 8);

        // a visitor finds the consultation, with both the organisation and the individual route
        browser.visit("/consultations");
        browser.tabTo(By.linkText(cycle.title()));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("window-status")).getText()).isEqualTo("Open for inputs");
        assertThat(browser.findAll(By.id("individual-form"))).hasSize(1);
        browser.tabTo(By.linkText("Register your organisation"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/organisations/register");
        fill(browser, "name", organisation);
        new Select(browser.find(By.id("stakeholderType"))).selectByValue("TRADE_UNION");
        new Select(browser.find(By.id("country"))).selectByValue("KEN");
        fill(browser, "contactName", "Halima Mwangi");
        fill(browser, "contactEmail", "halima@example.org");
        fill(browser, "username", username);
        fill(browser, "password", SignedInJourney.PASSWORD);
        fill(browser, "passwordRepeated", SignedInJourney.PASSWORD);
        browser.tabTo(By.xpath("//button[normalize-space()='Register']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("registered")).getText()).contains(organisation);

        // the coordinator verifies it
        signIn(browser, coordinator.username(), "/tasks");
        browser.visit("/organisations");
        browser.tabTo(By.cssSelector("button[aria-label='Verify " + organisation + "']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.cssSelector(".flash")).getText()).contains(organisation, "verified");
        signOut(browser);

        // its contact sends an input and gets the receipt; a stakeholder lands on their consultations
        signIn(browser, username, "/my-consultations");
        browser.visit("/consultations/" + cycle.businessKey());
        assertThat(browser.findAll(By.id("individual-form"))).isEmpty();
        new Select(browser.find(By.id("target"))).selectByValue("objective:3");
        new Select(browser.find(By.id("language"))).selectByValue("fr");
        fill(browser, "body", "Les travailleurs migrants du littoral demandent des données sur les frais.");
        browser.tabTo(By.xpath("//button[normalize-space()='Send my input']"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/consultations/" + cycle.businessKey());
        String receipt = browser.find(By.id("receipt")).getText();
        assertThat(receipt).contains("Your reference number:").containsPattern("KEN-CI-\\d{6}");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Les travailleurs migrants du littoral");
        assertThat(browser.findAll(By.tagName("script"))).isEmpty();
    }

    @Test
    void anyoneReadsWhatWasHeardAndWhatWasDone(Browser browser) {
        openWindow(Instant.now().minus(1, ChronoUnit.DAYS), "CLOSED");
        long window = jdbc.sql("select id from consultation_window where cycle_id = ?").param(cycle.id())
                .query(Long.class).single();
        CurrentUser union = users.stakeholder("KEN", "Dock Workers Union " + UUID.randomUUID());
        jdbc.sql("update organisation set stakeholder_type = 'TRADE_UNION' where id = ?").param(union.organisationId())
                .update();
        CurrentUser forum = users.stakeholder("KEN", "Diaspora Forum " + UUID.randomUUID());
        long first = input(window, union, 1, "Recruitment fees are still charged to workers.", "ACCEPTED",
                "A ban on recruitment fees is now described in section 1.");
        input(window, forum, 2, "Please publish the data on returns.", "NOT_ACCEPTED", "Outside the reporting period.");
        long duplicate = input(window, forum, 1, "Fees are still charged, we see it every week.", null, null);
        jdbc.sql("update consultation_input set duplicate_of = ? where id = ?").params(first, duplicate).update();
        jdbc.sql("update consultation_window set responses_completed_at = now() where id = ?").param(window).update();

        browser.visit("/consultations/" + cycle.businessKey());
        browser.tabTo(By.linkText("What we heard and what we did"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/consultations/" + cycle.businessKey() + "/what-we-heard");
        assertThat(browser.find(By.id("heard-totals")).getText()).contains("3 published inputs making 2 distinct points");
        assertThat(browser.find(By.id("by-type-table")).getText()).contains("Trade unions 1", "Civil society 2");
        assertThat(browser.find(By.id("by-target-table")).getText()).contains("Objective 1:", "Objective 2:");
        assertThat(browser.findAll(By.cssSelector("#by-target-table svg rect"))).isNotEmpty();
        String main = browser.find(By.tagName("main")).getText();
        assertThat(main).contains("A ban on recruitment fees is now described in section 1.", "Not accepted",
                "The same point was made in one more input", "Fees are still charged, we see it every week.");
        assertThat(browser.findAll(By.tagName("script"))).isEmpty();
    }

    private void openWindow(Instant closesAt, String status) {
        jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status, closed_at)
                values (?, ?, ?, ?, case when ? = 'CLOSED' then now() end)""")
                .params(cycle.id(), Timestamp.from(Instant.now().minus(10, ChronoUnit.DAYS)), Timestamp.from(closesAt),
                        status, status)
                .update();
    }

    private long input(long window, CurrentUser author, int objective, String body, String outcome, String response) {
        long id = jdbc.sql("select nextval('consultation_input_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into consultation_input (id, window_id, reference, idempotency_key, organisation_id,
                    author_user_id, objective_number, language, body, status, confirmed_at, response_outcome,
                    response_text, responded_at)
                values (?, ?, ?, ?, ?, ?, ?, 'en', ?, 'PUBLISHED', now(), ?, ?, case when ?::text is null then null else now() end)""")
                .params(id, window, "KEN-CI-%06d".formatted(id), UUID.randomUUID(), author.organisationId(),
                        author.id(), objective, body, outcome, response, outcome)
                .update();
        return id;
    }

    private static void fill(Browser browser, String id, String text) {
        browser.tabTo(By.id(id));
        browser.type(text);
    }

    private CurrentUser withPassword(CurrentUser user) {
        return SignedInJourney.canSignIn(user, jdbc, passwordEncoder);
    }

    private static void signIn(Browser browser, String username, String landing) {
        new SignedInJourney(browser).signIn(username, landing);
    }

    private static void signOut(Browser browser) {
        new SignedInJourney(browser).signOut();
    }
}
