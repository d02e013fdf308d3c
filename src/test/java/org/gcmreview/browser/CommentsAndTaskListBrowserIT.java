package org.gcmreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16.2 and 16.5 in a real browser, with the keyboard, every page checked by axe-core: the Ministry of
 * Interior works through its task list, saves and checks its answers and submits from the summary; the
 * coordinator comments on a section from the report editor, replies, resolves, and comes back to the form.
 */
@BrowserTest
class CommentsAndTaskListBrowserIT {

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
    void aMinistryChecksItsAnswersAndSubmitsThenTheCoordinatorCommentsRepliesAndResolves(Browser browser)
            throws Exception {
        long cycleId = cycles.startScoped(coordinator, Map.of(1, interior, 2, interior));
        String drafting = cycles.task(cycleId, "DraftContribution",
                CandidateGroups.ministry("KEN", interior.ministryCode())).getId();
        List<Long> mine = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ? "
                + "order by objective_number").params(cycleId, interior.ministryId()).query(Long.class).list();
        SignedInJourney journey = new SignedInJourney(browser);

        // ---- the ministry: the task list, the answers, check, submit
        journey.signIn(interior);
        browser.visit("/tasks/" + drafting);
        WebElement list = browser.find(By.cssSelector("nav.task-list"));
        assertThat(list.getText()).contains("You have completed 0 of 2 sections.", "Not started");
        assertThat(browser.find(By.id("toc-" + mine.get(0))).getDomAttribute("href"))
                .isEqualTo("/tasks/" + drafting + "#contribution-" + mine.get(0));
        for (long id : mine) {
            browser.tabTo(By.id("status-" + id));
            browser.type("Planned");
            browser.tabTo(By.id("body-" + id));
            browser.type("What the ministry did on contribution " + id + ".");
        }
        browser.tabTo(journey.button("Save and check your answers"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks/" + drafting + "?check=1");
        assertThat(browser.find(By.cssSelector("dl.summary-list")).getText())
                .contains("What the ministry did on contribution " + mine.get(1) + ".", "Completed", "Change");
        browser.tabTo(journey.button("Submit contribution"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");

        // ---- the coordinator: from the report editor to the section's comments
        journey.switchTo(coordinator);
        String consolidation = cycles.task(cycleId, "ConsolidateReport").getId();
        long objective1 = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        String thread = "/cycles/" + cycleId + "/sections/" + objective1 + "/comments";
        browser.visit("/tasks/" + consolidation);
        assertThat(browser.find(By.cssSelector("nav.task-list")).getText()).contains("0 of");
        browser.tabTo(By.cssSelector("a[href^='" + thread + "']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).startsWith(thread + "?back=");

        // an empty comment: refused, focus on the error summary
        browser.tabTo(journey.button("Add comment"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.focused()).isEqualTo(browser.find(By.id("error-summary")));

        browser.tabTo(By.id("body"));
        browser.type("Name the 2025 act here.");
        browser.tabTo(journey.button("Add comment"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(journey.confirmation()).startsWith("Your comment was added.");
        long comment = jdbc.sql("select id from report_comment where section_id = ?").param(objective1)
                .query(Long.class).single();

        browser.tabTo(By.id("reply-" + comment));
        browser.type("Done in revision 2.");
        browser.tabTo(journey.button("Reply"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("comment-" + comment)).getText()).contains("Name the 2025 act here.",
                "Done in revision 2.");

        browser.tabTo(journey.button("Resolve"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(journey.confirmation()).isEqualTo("The comment is resolved.");
        assertThat(browser.find(By.id("comment-" + comment)).getText()).contains("Resolved by");

        browser.tabTo(By.linkText("Back to the form"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks/" + consolidation);
        assertThat(browser.find(By.tagName("main")).getText()).contains("No open comments · 1 resolved");
    }
}
