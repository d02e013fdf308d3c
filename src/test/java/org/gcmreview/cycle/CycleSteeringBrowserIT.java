package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.cycle.BrowserTeam.script;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.JourneyScene;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The coordinator steering a running cycle in a real browser, with the keyboard, every page checked by axe-core
 * (issues 14.1, 14.2, 16.6): the plan is changed (dates out of order refused first, nothing stored), a ministry is
 * added to the drafting and another removed (an empty choice refused first), and the cycle proceeds without the
 * ministries that have not answered, until consolidation starts, where no section waits for a ministry that is no
 * longer drafting (issue 16.5).
 */
@BrowserTest
class CycleSteeringBrowserIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JourneyScene scene;
    @Autowired
    CycleFixture cycles;

    @Test
    void theCoordinatorChangesThePlanAndTheMinistriesAndProceedsWithoutOnes(Browser browser) throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        CurrentUser coordinator = scene.coordinator("KEN");
        CurrentUser interior = scene.ministry("KEN", "INT" + suffix);
        CurrentUser labour = scene.ministry("KEN", "LAB" + suffix);
        CurrentUser foreign = scene.ministry("KEN", "FOR" + suffix);
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                List.of(interior.ministryId(), labour.ministryId()),
                Map.of(1, interior.ministryId(), 2, labour.ministryId()))).andExpect(status().is3xxRedirection());
        SignedInJourney journey = new SignedInJourney(browser);
        journey.signIn(coordinator);

        // ---- the plan, from the cycle page
        browser.visit("/cycles/" + cycleId);
        browser.tabTo(By.id("change-plan"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/cycles/" + cycleId + "/plan");
        LocalDate opens = LocalDate.parse(browser.find(By.id("consultationOpens")).getDomProperty("value"));
        // a consultation that closes before it opens: refused, the summary focused, nothing stored
        setDate(browser, "consultationCloses", opens.minusDays(1));
        browser.tabTo(By.id("reason"));
        browser.type("The ministries asked for more time.");
        browser.tabTo(journey.button("Change the plan"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.focused()).isEqualTo(browser.find(By.id("error-summary")));
        assertThat(browser.find(By.id("reason")).getDomProperty("value"))
                .isEqualTo("The ministries asked for more time.");
        assertThat(cycles.count("select count(*) from cycle_plan_change where cycle_id = ?", cycleId)).isZero();
        // each error leads to its field
        for (var link : browser.findAll(By.cssSelector("#error-summary a"))) {
            String target = link.getDomAttribute("href").substring(1);
            assertThat(browser.findAll(By.id(target))).as("error link target #%s", target).hasSize(1);
        }
        LocalDate due = LocalDate.parse(browser.find(By.id("draftingDue")).getDomProperty("value"));
        setDate(browser, "draftingDue", due.plusDays(3));
        setDate(browser, "consultationCloses", opens.plusDays(20));
        browser.tabTo(journey.button("Change the plan"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(journey.confirmation()).isEqualTo("The plan has changed; the process follows the new dates.");
        assertThat(browser.find(By.id("plan-history")).getText()).contains("The ministries asked for more time.");

        // ---- add a ministry, remove another
        browser.visit("/cycles/" + cycleId);
        browser.tabTo(By.linkText("Contributing ministries"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/cycles/" + cycleId + "/contributing-ministries");
        browser.tabTo(journey.button("Add the ministry"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.focused()).isEqualTo(browser.find(By.id("error-summary")));
        new Select(browser.find(By.id("addMinistry"))).selectByValue(String.valueOf(foreign.ministryId()));
        browser.tabTo(By.id("objective-2"));
        browser.press(Keys.SPACE);
        browser.tabTo(By.id("addReason"));
        browser.type("Foreign affairs runs the consular data.");
        browser.tabTo(journey.button("Add the ministry"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(journey.confirmation()).endsWith("now drafts with the other ministries.");
        assertThat(browser.find(By.id("taking")).getText()).contains("Ministry FOR" + suffix);

        new Select(browser.find(By.id("removeMinistry"))).selectByValue(String.valueOf(labour.ministryId()));
        browser.tabTo(By.id("removeReason"));
        browser.type("Labour merged into Interior.");
        browser.tabTo(journey.button("Remove the ministry"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(journey.confirmation()).endsWith("no longer takes part in this cycle.");
        assertThat(browser.find(By.id("taking")).getText()).doesNotContain("Ministry LAB" + suffix);
        assertThat(browser.find(By.id("ministry-changes")).getText()).contains("Foreign affairs runs the consular data.",
                "Labour merged into Interior.");

        // ---- proceed without the two ministries still drafting
        browser.visit("/cycles/" + cycleId);
        browser.tabTo(By.linkText("Proceed without a ministry that has not answered"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/cycles/" + cycleId + "/proceed-without");
        browser.tabTo(journey.button("Proceed without this ministry"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.focused()).isEqualTo(browser.find(By.id("error-summary")));
        for (CurrentUser away : List.of(interior, foreign)) {
            Select task = new Select(browser.find(By.id("task")));
            task.selectByVisibleText("Ministry " + away.ministryCode() + ": drafting");
            browser.tabTo(By.id("reason"));
            browser.type("No answer after two reminders.");
            browser.tabTo(journey.button("Proceed without this ministry"));
            browser.after(() -> browser.press(Keys.ENTER));
            assertThat(browser.path()).isEqualTo("/cycles/" + cycleId);
            assertThat(journey.confirmation()).isEqualTo("The cycle goes on without Ministry " + away.ministryCode() + ".");
            browser.visit("/cycles/" + cycleId + "/proceed-without");
        }
        assertThat(browser.find(By.id("nobody-waiting")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("absences")).getText()).contains("Ministry INT" + suffix + ": drafting");

        // ---- consolidation: no section waits for a ministry that is no longer drafting (issue 16.5)
        browser.visit("/tasks/" + cycles.task(cycleId, "ConsolidateReport").getId());
        String tasks = browser.find(By.cssSelector("ul.task-list-items")).getText();
        assertThat(tasks).doesNotContain("Cannot start yet").contains("Not started");
        assertThat(browser.find(By.id("toc-check-status")).getText()).isEqualTo("Cannot start yet");
    }

    /** A date field set as the date picker would (typing into type=date depends on the browser's locale). */
    private static void setDate(Browser browser, String id, LocalDate date) {
        script(browser, "document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }
}
