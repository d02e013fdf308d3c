package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The public consultation and publication pages and the secretariat workspace in a real browser, with the
 * keyboard and without JavaScript; every page passes the accessibility, weight and no-other-host checks.
 */
@BrowserTest
class ReviewPagesBrowserIT {

    private static final String PASSWORD = "browser-test";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    ReportVersions versions;

    TestUsers users;
    ReviewFixtures fixtures;
    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        users = new TestUsers(jdbc);
        fixtures = new ReviewFixtures(jdbc, cycles, null, null, null);
        coordinator = users.coordinator("KEN");
    }

    @Test
    void aVisitorFindsAPublishedReportAndItsFingerprint(Browser browser) {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        ReportVersion version = versions.freeze(cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();

        browser.visit("/published");
        browser.tabTo(By.linkText(cycle.title()));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/published/" + cycle.businessKey());
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(cycle.title());
        assertThat(browser.find(By.id("version-sha256")).getText()).isEqualTo(version.sha256());
        assertThat(browser.find(By.tagName("main")).getText()).contains("Progress on objective 3.");
        assertThat(browser.findAll(By.tagName("script"))).isEmpty();
    }

    @Test
    void aStakeholderSendsAnInputAndGetsAReferenceNumber(Browser browser) {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status) values (?, ?, ?, 'OPEN')""")
                .params(cycle.id(), Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)),
                        Timestamp.from(Instant.now().plus(7, ChronoUnit.DAYS)))
                .update();
        browser.visit("/consultations/" + cycle.businessKey());
        assertThat(browser.find(By.id("window-status")).getText()).isEqualTo("Open for inputs");

        CurrentUser stakeholder = withPassword(users.stakeholder("KEN", "Forum " + UUID.randomUUID()));
        signIn(browser, stakeholder.username());
        browser.visit("/consultations/" + cycle.businessKey());
        new Select(browser.find(By.id("target"))).selectByValue("objective:2");
        browser.tabTo(By.id("body"));
        browser.type("Please publish the data on recruitment fees.");
        browser.tabTo(By.xpath("//button[normalize-space()='Send my input']"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/consultations/" + cycle.businessKey());
        assertThat(browser.find(By.id("receipt")).getText()).contains("KEN-CI-");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Please publish the data on recruitment fees.");
    }

    @Test
    void aRegionalSecretariatOpensItsWorkspace(Browser browser) {
        CurrentUser secretariat = withPassword(users.regionalSecretariat("ECA"));
        signIn(browser, secretariat.username());

        browser.visit("/secretariat");

        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Regional review ECA");
    }

    private CurrentUser withPassword(CurrentUser user) {
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwordEncoder.encode(PASSWORD), user.id()).update();
        return user;
    }

    private static void signIn(Browser browser, String username) {
        browser.visit("/login");
        browser.tabTo(By.id("username"));
        browser.type(username);
        browser.tabTo(By.id("password"));
        browser.type(PASSWORD);
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).as("signed in as " + username).isEqualTo("/tasks");
    }
}
