package org.gcmreview.report.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A coordinator reads a section's history and compares two revisions with the keyboard, in a real browser. */
@BrowserTest
class RevisionHistoryBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TestUsers users;
    @Autowired
    ReportTestData data;

    CurrentUser coordinator;
    String sectionUrl;

    @BeforeEach
    void aSectionWithThreeRevisions() {
        coordinator = users.coordinator("KEN");
        jdbc.sql("update app_user set password_hash = ? where id = ?")
                .params(passwordEncoder.encode("history-pw"), coordinator.id()).update();
        long cycleId = data.cycle(coordinator);
        long sectionId = data.section(cycleId, 1, "Objective 1: Data");
        data.sectionRevision(sectionId, 1, "Kenya collects migration data.", "PLANNED", coordinator, "First draft");
        data.sectionRevision(sectionId, 2, "Kenya collects and publishes migration data.", "IN_PROGRESS", coordinator,
                "Added publication");
        data.sectionRevision(sectionId, 3, "Kenya publishes migration data yearly.", "IN_PROGRESS", coordinator, null);
        sectionUrl = "/cycles/" + cycleId + "/sections/" + sectionId;
    }

    @Test
    void readsTheHistoryAndComparesTheFirstAndLastRevision(Browser browser) {
        browser.visit("/login");
        browser.tabTo(By.id("username"));
        browser.type(coordinator.username());
        browser.tabTo(By.id("password"));
        browser.type("history-pw");
        browser.after(() -> browser.press(Keys.ENTER));

        browser.visit(sectionUrl + "/history");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("History of Objective 1: Data");
        assertThat(browser.findAll(By.cssSelector("tbody tr"))).hasSize(3);

        // the compare form: oldest revision as "from", newest stays as "to"
        browser.tabTo(By.id("from"));
        browser.press(Keys.END);
        browser.tabTo(By.xpath("//button[normalize-space()='Compare']"));
        browser.after(() -> browser.press(Keys.ENTER));

        assertThat(browser.path()).isEqualTo(sectionUrl + "/diff?from=1&to=3");
        assertThat(browser.findAll(By.cssSelector(".diff del"))).extracting(e -> e.getText())
                .containsExactly("collects");
        assertThat(browser.findAll(By.cssSelector(".diff ins"))).extracting(e -> e.getText())
                .containsExactly("publishes", "yearly");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Implementation status: Planned → In progress");
    }
}
