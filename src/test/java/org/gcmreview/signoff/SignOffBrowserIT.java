package org.gcmreview.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.JourneyScene;
import org.gcmreview.browser.SignedInJourney;
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
 * "Ministry signs off" in a real browser, with the keyboard: the Ministry of Interior finds the sign-off in its
 * inbox, reads the report, asks for changes (and is told, at the field, when the reason is missing), then
 * approves the revised report; the coordinator sees both decisions on the cycle page. Getting the cycle to the
 * sign-off, and the coordinator's revision, go through the forms over MockMvc ({@link CycleFixture}): other
 * journeys walk those pages.
 */
@BrowserTest
class SignOffBrowserIT {

    private static final String SIGN_OFF = "Sign off the report";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
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
    void theMinistryOfInteriorRequestsChangesThenApprovesAndTheCoordinatorSeesIt(Browser browser) throws Exception {
        long cycleId = cycles.reachSignOff(coordinator, interior);
        String businessKey = cycles.businessKey(cycleId);
        long nextSteps = section(cycleId, "NEXT_STEPS");
        String ministry = cycles.ministryName(interior.ministryId());
        SignedInJourney journey = new SignedInJourney(browser);

        journey.signIn(interior);
        journey.openFromInbox(SIGN_OFF, businessKey);
        assertThat(browser.find(By.id("round")).getText()).isEqualTo("1");
        assertThat(browser.find(By.tagName("main")).getText())
                .contains("Introduction and methodology (consolidated)", "Next steps (consolidated)");

        // a request for changes without its reason: refused, the error at the field, focus on the summary
        browser.tabTo(By.id("request-" + nextSteps));
        browser.press(Keys.SPACE);
        browser.tabTo(journey.button("Request changes"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        WebElement summary = browser.find(By.id("error-summary"));
        assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.focused()).as("focus moves to the list of errors").isEqualTo(summary);
        assertThat(summary.findElement(By.cssSelector("a[href='#reason']")).getText())
                .isEqualTo("Say which changes you need, so the coordinator can make them.");
        WebElement reason = browser.find(By.id("reason"));
        assertThat(browser.find(By.id("reason-error")).getText())
                .isEqualTo("Say which changes you need, so the coordinator can make them.");
        assertThat(reason.getDomAttribute("aria-describedby")).isEqualTo("reason-error");
        assertThat(reason.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("request-" + nextSteps)).isSelected()).as("the ticked section stays ticked")
                .isTrue();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                .taskDefinitionKey("SignOffReport").count()).as("nothing decided yet").isOne();

        browser.tabTo(By.id("reason"));
        browser.type("Give the next steps a date.");
        browser.tabTo(journey.button("Request changes"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(journey.confirmation()).isEqualTo("Your request for changes has been sent to the coordinator.");
        assertThat(browser.findAll(By.xpath("//td[normalize-space()='" + businessKey + "']")))
                .as("the decided task has left the inbox").isEmpty();

        // the coordinator revises the report (the revision page is another journey's)
        cycles.writeAndSend(cycleId, "ReviseRequestedSections", coordinator, "(revised)");

        browser.visit("/tasks");
        journey.openFromInbox(SIGN_OFF, businessKey);
        assertThat(browser.find(By.id("round")).getText()).isEqualTo("2");
        assertThat(browser.find(By.tagName("main")).getText())
                .contains("Previous round", "Give the next steps a date.", "Next steps (revised)");
        browser.tabTo(journey.button("Approve the report"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(journey.confirmation()).startsWith("You have approved the report.");

        // the coordinator's cycle page: both decisions, the drafting progress, and the next step in the inbox
        journey.switchTo(coordinator);
        journey.inboxTask("Endorse the final report", businessKey);
        browser.tabTo(By.linkText("Review cycles"));
        browser.after(() -> browser.press(Keys.ENTER));
        browser.tabTo(By.linkText(businessKey));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/cycles/" + cycleId);
        assertThat(browser.find(By.id("stage")).getText()).isEqualTo("Endorsement");
        WebElement bar = browser.find(By.cssSelector("progress[aria-label='" + ministry + ": objectives drafted']"));
        assertThat(bar.getDomProperty("value")).isEqualTo(bar.getDomProperty("max")).isNotEqualTo("0");
        assertThat(browser.findAll(By.xpath("//h2[normalize-space()='Sign-off decisions']/following-sibling::table"
                + "//tbody/tr")).stream().map(WebElement::getText).toList())
                .satisfiesExactlyInAnyOrder(
                        row -> assertThat(row).startsWith("1 " + ministry + " requested changes Next steps")
                                .contains("Give the next steps a date.", interior.username()),
                        row -> assertThat(row).startsWith("2 " + ministry + " approved")
                                .contains(interior.username()));
    }

    @Test
    void aMinistryOfAnotherCountryHasNothingToDoAndCannotOpenTheSignOff(Browser browser) throws Exception {
        long cycleId = cycles.reachSignOff(coordinator, interior);
        String taskId = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR")).getId();
        // a ministry of its own, so no other test's cycle puts a task in its inbox
        CurrentUser ghana = scene.ministry("GHA", "J" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        SignedInJourney journey = new SignedInJourney(browser);

        journey.signIn(ghana);
        assertThat(browser.find(By.cssSelector("main .empty")).getText())
                .isEqualTo("You have no open tasks. When a review cycle needs you, the task appears here with its due date.");
        assertThat(browser.findAll(By.cssSelector("main table"))).isEmpty();

        browser.visit("/tasks/" + taskId, 403);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception", "at org.", "Whitelabel", "Forbidden",
                "Introduction and methodology");
        browser.tabTo(By.linkText("Back to my tasks"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");
    }

    private long section(long cycleId, String kind) {
        return jdbc.sql("select id from report_section where cycle_id = ? and kind = ? order by position limit 1")
                .params(cycleId, kind).query(Long.class).single();
    }
}
