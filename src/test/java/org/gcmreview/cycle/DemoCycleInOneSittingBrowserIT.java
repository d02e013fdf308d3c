package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.gcmreview.browser.SignedInJourney;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.UserAccountRepository;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 17.1: the whole cycle walked with the demo data in one sitting, as each demo user, through nothing but the
 * links and forms the pages show. The coordinator starts and scopes a cycle whose drafting is due today and whose
 * consultation lasts one day (today), the three Kenyan ministries draft and submit, the stakeholder finds the open
 * consultation from their landing page and gets a receipt, the coordinator publishes the input, closes the window,
 * answers the input, the ministries sign off, the coordinator endorses and submits to the ECA round, the ECA
 * secretariat acknowledges, the coordinator publishes, and the public reads the report. Every page passes the
 * browser checks (axe, page weight, no foreign host).
 * <p>
 * Tests turn the job executor off; {@link #theJobExecutorRuns} does its work where production would do it a moment
 * later (a timer already due, an asynchronous step). Nothing else touches the processes.
 */
@BrowserTest
class DemoCycleInOneSittingBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ManagementService managementService;
    @Autowired
    UserAccountRepository accounts;

    @Test
    void theDemoCycleIsWalkedEndToEndThroughThePagesInOneSitting(Browser browser) {
        CurrentUser coordinator = demoUser("coordinator.ken");
        List<CurrentUser> ministries = List.of(demoUser("interior.ken"), demoUser("labour.ken"),
                demoUser("foreign.ken"));
        CurrentUser stakeholder = demoUser("stakeholder.ken");
        CurrentUser eca = demoUser("secretariat.eca");
        SignedInJourney journey = new SignedInJourney(browser);
        String code = CycleFixture.uniqueCode();
        String key = "KEN-" + code;
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        // the coordinator starts a cycle from "Review cycles" in the header
        journey.signIn(coordinator);
        browser.after(() -> browser.find(By.linkText("Review cycles")).click());
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("title")).sendKeys("Demo review in one sitting");
        browser.after(() -> BrowserTeam.button(browser, "Start the review cycle").click());
        assertThat(journey.confirmation()).contains("Scope the review");
        browser.after(() -> browser.find(By.cssSelector("main a[href^='/tasks/']")).click());
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Scope the review");

        // scoping: three objectives, one per ministry; drafting due today, a one-day consultation today
        assertThat(browser.find(By.id("plan-rules")).getText()).contains("shorter than one day");
        BrowserTeam.script(browser, """
                document.getElementById('periodStart').value = '2022-01-01';
                document.getElementById('periodEnd').value = '2025-12-31';
                ['draftingDue', 'consultationOpens', 'consultationCloses']
                    .forEach(id => document.getElementById(id).value = arguments[0]);
                document.querySelectorAll('input[name=objectives]').forEach(c => c.checked = Number(c.value) <= 3);
                """, today);
        for (String name : List.of("Ministry of Foreign and Diaspora Affairs",
                "Ministry of Interior and National Administration", "Ministry of Labour and Social Protection")) {
            browser.find(By.xpath("//fieldset[@id='ministries']//label[normalize-space()='" + name + "']")).click();
        }
        new Select(browser.find(By.id("defaultLead"))).selectByVisibleText("Ministry of Interior and National Administration");
        new Select(browser.find(By.id("lead-2"))).selectByVisibleText("Ministry of Labour and Social Protection");
        new Select(browser.find(By.id("lead-3"))).selectByVisibleText("Ministry of Foreign and Diaspora Affairs");
        browser.after(() -> BrowserTeam.button(browser, "Start national drafting").click());
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(journey.confirmation()).contains("3 ministries");

        // each ministry drafts its objective and submits it from "check your answers"
        for (CurrentUser ministry : ministries) {
            journey.switchTo(ministry);
            open(browser, journey, "Draft contribution", key);
            BrowserTeam.script(browser, """
                    document.querySelectorAll('select[name^="status-"]').forEach(s => s.value = 'IN_PROGRESS');
                    """);
            for (WebElement body : browser.findAll(By.cssSelector("textarea[name^='body-']"))) {
                body.sendKeys("What " + ministry.username() + " did in the reporting period.");
            }
            browser.after(() -> BrowserTeam.button(browser, "Save and check your answers").click());
            browser.after(() -> BrowserTeam.button(browser, "Submit contribution").click());
            assertThat(journey.confirmation()).contains("What happens next");
            theJobExecutorRuns();
        }

        // the coordinator consolidates and sends the draft to the consultation
        journey.switchTo(coordinator);
        open(browser, journey, "Consolidate the report", key);
        for (WebElement body : browser.findAll(By.cssSelector("textarea[name^='body-']"))) {
            if (body.getAttribute("value").isEmpty()) {
                body.sendKeys("Written by the coordinator.");
            }
        }
        browser.after(() -> BrowserTeam.button(browser, "Save and check your answers").click());
        browser.find(By.id("confirmUnevidenced")).click();
        browser.after(() -> BrowserTeam.button(browser, "Send to the stakeholder consultation").click());
        // the window's opening timer is due (it opens at the start of today)
        theJobExecutorRuns();

        // the cycle page leads to the consultation, which is open until the end of today
        browser.after(() -> browser.find(By.linkText("Review cycles")).click());
        browser.after(() -> browser.find(By.linkText(key)).click());
        assertThat(browser.find(By.id("timeline")).getText()).contains("Stakeholder consultation");
        browser.after(() -> browser.find(By.partialLinkText("Stakeholder consultation:")).click());
        if (!browser.findAll(By.id("open-now-form")).isEmpty()) {
            // the timer has not fired yet: the coordinator opens it now, as the page offers
            browser.find(By.id("confirmOpen")).click();
            browser.after(() -> BrowserTeam.button(browser, "Open the consultation now").click());
        }
        assertThat(browser.find(By.id("window-status")).getText()).isEqualTo("Open");
        String consultationPage = browser.path();

        // the stakeholder lands on their consultations, sends an input and gets a receipt
        journey.switchTo(stakeholder);
        browser.after(() -> browser.find(By.cssSelector("#current-consultations a[href='/consultations/" + key + "']"))
                .click());
        new Select(browser.find(By.id("target"))).selectByValue("objective:1");
        browser.find(By.id("body")).sendKeys("Our members ask for data on returns by sex and age.");
        browser.after(() -> BrowserTeam.button(browser, "Send my input").click());
        String reference = browser.find(By.cssSelector("#receipt strong")).getText();
        assertThat(reference).matches("KEN-CI-\\d{6}");
        // a demo run sends no mail: the receipt does not claim one was sent
        assertThat(browser.find(By.id("receipt")).getText()).doesNotContain("e-mail");
        browser.after(() -> browser.find(By.linkText("My consultations")).click());
        assertThat(browser.find(By.id("my-inputs")).getText()).contains(reference);

        // the coordinator publishes the input, closes the window early and answers the input
        journey.switchTo(coordinator);
        browser.visit(consultationPage);
        browser.after(() -> browser.find(By.linkText("Moderation queue")).click());
        browser.after(() -> browser.find(By.xpath("//tr[td[contains(., '" + reference + "')]]//button[normalize-space()='Publish']"))
                .click());
        // back to the consultation page (the browser's Back button)
        browser.visit(consultationPage);
        browser.after(() -> BrowserTeam.button(browser, "Close the consultation now").click());
        assertThat(browser.find(By.id("window-status")).getText()).isEqualTo("Closed");
        browser.after(() -> browser.find(By.linkText("My tasks")).click());
        open(browser, journey, "Record how each input was addressed", key);
        assertThat(browser.find(By.tagName("main")).getText()).contains(reference);
        String input = browser.find(By.cssSelector("select[name^='outcome-']")).getAttribute("id");
        new Select(browser.find(By.id(input))).selectByVisibleText("Accepted");
        browser.find(By.id(input.replace("outcome", "explanation"))).sendKeys("Returns are now given by sex and age.");
        browser.after(() -> BrowserTeam.button(browser, "Complete").click());
        assertThat(journey.confirmation()).contains("sign-off");
        theJobExecutorRuns();

        // each ministry approves the report
        for (CurrentUser ministry : ministries) {
            journey.switchTo(ministry);
            open(browser, journey, "Sign off the report", key);
            browser.after(() -> BrowserTeam.button(browser, "Approve the report").click());
            assertThat(journey.confirmation()).contains("What happens next");
        }
        theJobExecutorRuns();

        // the coordinator endorses, then submits to the regional review
        journey.switchTo(coordinator);
        open(browser, journey, "Endorse the final report", key);
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("10.717.18");
        browser.after(() -> BrowserTeam.button(browser, "Endorse version 1").click());
        assertThat(journey.confirmation()).contains("Submit to the regional review");
        theJobExecutorRuns();
        browser.visit("/tasks");
        open(browser, journey, "Submit to the regional review", key);
        browser.find(By.id("coverNote")).sendKeys("Kenya submits its voluntary report.");
        browser.find(By.id("confirm")).click();
        browser.after(() -> BrowserTeam.button(browser, "Submit the report").click());
        assertThat(journey.confirmation()).contains("What happens next");
        theJobExecutorRuns();

        // the ECA secretariat acknowledges it from its inbox
        journey.switchTo(eca);
        open(browser, journey, "Review the national submission", key);
        browser.after(() -> BrowserTeam.button(browser, "Acknowledge the report").click());
        assertThat(journey.confirmation()).contains("acknowledged");
        theJobExecutorRuns();

        // the coordinator sees the acknowledgement and publishes
        journey.switchTo(coordinator);
        open(browser, journey, "Publish the endorsed report", key);
        browser.find(By.id("confirm")).click();
        browser.after(() -> BrowserTeam.button(browser, "Publish the report").click());
        theJobExecutorRuns();
        browser.after(() -> browser.find(By.linkText("Review cycles")).click());
        browser.after(() -> browser.find(By.linkText(key)).click());
        assertThat(browser.find(By.id("stage")).getText()).isEqualTo("Published");
        assertThat(browser.find(By.id("round-submissions")).getText()).contains("Acknowledged");
        // a published cycle's plan can no longer change: no link to a form that could only refuse
        assertThat(browser.findAll(By.id("change-plan"))).isEmpty();
        // the one-day consultation is one date, not "December 2, 2026 to December 2, 2026"
        assertThat(browser.find(By.id("timeline")).getText()).doesNotContainPattern("\\d{4} to ");
        browser.after(() -> browser.find(By.cssSelector("#published-link a")).click());
        assertThat(browser.path()).isEqualTo("/published/" + key);
        assertThat(browser.find(By.tagName("main")).getText()).contains("What interior.ken did in the reporting period.",
                "Stakeholders could send inputs on ");
    }

    /** A demo account, given the journeys' password so it signs in through the login form. */
    private CurrentUser demoUser(String username) {
        return SignedInJourney.canSignIn(accounts.findByUsername(username).orElseThrow(), jdbc, passwordEncoder);
    }

    /** Opens the task from the inbox (after going there by the header link when elsewhere). */
    private static void open(Browser browser, SignedInJourney journey, String task, String key) {
        if (!"/tasks".equals(browser.path())) {
            browser.after(() -> browser.find(By.linkText("My tasks")).click());
        }
        browser.after(() -> browser.find(journey.inboxTask(task, key)).click());
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(task);
    }

    /** What the job executor does at once in production: every job that is due, until none is left. */
    private void theJobExecutorRuns() {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // another test's job that fails on its own data; ours are checked through the pages
                }
            }
        }
    }
}
