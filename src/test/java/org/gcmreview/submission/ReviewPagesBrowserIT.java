package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.sql.Timestamp;
import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.cycle.ReviewCycle;
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

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
    }

    @Test
    void aVisitorFindsAPublishedReportAndItsFingerprint(Browser browser) {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        ReportVersion version = versions.freeze(cycle.id());
        // only an endorsed version is public (issue 14.4)
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
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

        // the contents lead to the sections; the downloads are there
        browser.tabTo(By.linkText("Version history"));
        browser.press(Keys.ENTER);
        assertThat(browser.driver().getCurrentUrl()).endsWith("#history");
        assertThat(browser.find(By.id("downloads")).getText()).contains("Download as PDF").contains("JSON");

        // the list filters by region without JavaScript
        browser.visit("/published");
        new Select(browser.find(By.id("region"))).selectByValue("ECA");
        browser.tabTo(By.xpath("//button[normalize-space()='Filter']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).contains("region=ECA");
        assertThat(browser.find(By.id("published-reports")).getText()).contains(cycle.title());
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
        // stakeholders have no tasks: they land on their consultations
        signIn(browser, stakeholder.username(), "/my-consultations");
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
    void aRegionalSecretariatFiltersAndSortsItsWorkspaceAndOpensTheSynthesis(Browser browser) {
        ReviewRound round = fixtures.round("REGIONAL", "ECA", LocalDate.now(ZoneOffset.UTC).plusDays(400));
        ReviewCycle kenya = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        jdbc.sql("update review_cycle set status = 'DRAFTING' where id = ?").param(kenya.id()).update();
        ReviewCycle ghana = fixtures.attach(fixtures.cycle(users.coordinator("GHA")), round, fixtures.imrfEdition());
        ReportVersion version = versions.freeze(ghana.id());
        jdbc.sql("""
                insert into submission (cycle_id, round_id, report_version_id, kind, status)
                values (?, ?, ?, 'REGIONAL', 'ACKNOWLEDGED')""").params(ghana.id(), round.id(), version.id()).update();
        CurrentUser secretariat = withPassword(users.regionalSecretariat("ECA"));
        signIn(browser, secretariat.username());

        browser.visit("/secretariat?round=" + round.code());
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Regional review ECA");
        assertThat(browser.find(By.id("row-BWA")).getText()).contains("Not started");

        new Select(browser.find(By.id("status"))).selectByValue("DRAFTING");
        browser.tabTo(By.xpath("//form[contains(@class,'filters')]//button"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).contains("status=DRAFTING").contains("round=" + round.code());
        assertThat(browser.findAll(By.cssSelector("#countries tbody tr"))).extracting(e -> e.getAttribute("id"))
                .containsExactly("row-KEN");

        browser.visit("/secretariat?round=" + round.code());
        browser.tabTo(By.linkText("Status"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).contains("sort=status");
        List<String> rows = browser.findAll(By.cssSelector("#countries tbody tr")).stream()
                .map(e -> e.getAttribute("id")).toList();
        assertThat(rows.get(rows.size() - 1)).isEqualTo("row-GHA");
        assertThat(rows.get(rows.size() - 2)).isEqualTo("row-KEN");

        browser.tabTo(By.linkText("Synthesis"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).startsWith("/secretariat/synthesis");
        assertThat(browser.find(By.id("grid-GHA")).getText()).contains("Ghana");
        assertThat(browser.findAll(By.tagName("script"))).isEmpty();

        browser.visit("/secretariat/tokens");
        browser.tabTo(By.id("name"));
        browser.type("dashboard");
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("token-value")).getText()).startsWith("gcmr_");
    }

    @Test
    void theImrfWorkspaceWithEveryMemberStateStaysLight(Browser browser) {
        CurrentUser secretariat = withPassword(users.imrfSecretariat());
        signIn(browser, secretariat.username());

        browser.visit("/secretariat?round=IMRF-2026");

        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("International Migration Review Forum");
        assertThat(browser.findAll(By.cssSelector("#countries tbody tr")))
                .hasSize(jdbc.sql("select count(*) from country").query(Integer.class).single());
        assertThat(browser.find(By.id("total-ALL")).getText()).contains("All regions");
    }

    @Test
    void anAdministratorKeepsTheReviewCalendar(Browser browser) {
        CurrentUser admin = withPassword(users.admin());
        signIn(browser, admin.username());
        String cycle = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        browser.visit("/admin/rounds");
        browser.tabTo(By.linkText("New round"));
        browser.after(() -> browser.press(Keys.ENTER));
        browser.find(By.id("kind-IMRF")).click();
        browser.tabTo(By.id("cycle"));
        browser.type(cycle);
        browser.tabTo(By.id("code"));
        browser.type("IMRF-" + cycle);
        browser.tabTo(By.id("name"));
        browser.type("Forum " + cycle);
        // a date picker is typed differently in every locale; the test sets the date the picker would
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.id("deadline")),
                LocalDate.now(ZoneOffset.UTC).plusDays(200).toString());
        browser.tabTo(By.xpath("//form//button[normalize-space()='Create the round']"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo("/admin/rounds");
        assertThat(browser.find(By.className("flash")).getText()).contains("IMRF-" + cycle);
        assertThat(browser.find(By.tagName("table")).getText()).contains("IMRF-" + cycle).contains(cycle);
    }

    private CurrentUser withPassword(CurrentUser user) {
        return SignedInJourney.canSignIn(user, jdbc, passwordEncoder);
    }

    private static void signIn(Browser browser, String username) {
        signIn(browser, username, "/tasks");
    }

    private static void signIn(Browser browser, String username, String landing) {
        new SignedInJourney(browser).signIn(username, landing);
    }
}
