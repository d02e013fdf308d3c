package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * "Secretariat acknowledges" in a real browser, with the keyboard: the ECA secretariat finds Kenya's submission
 * in its inbox and workspace, asks a question (and is told, at the field, when it is missing), Kenya's
 * coordinator answers it (no section changed, so the endorsed version goes back), and the secretariat acknowledges
 * it; the coordinator sees the acknowledgement on the cycle page. The report and its first submission are set up with {@link ReviewFixtures}
 * and the submission form over MockMvc; the processes' asynchronous steps are run as jobs (no job executor in
 * tests).
 */
@BrowserTest
class SecretariatAcknowledgesBrowserIT {

    private static final String REVIEW = "Review the national submission";

    @Autowired
    WebApplicationContext context;
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
    CurrentUser eca;
    ReviewRound round;
    ReviewCycle cycle;
    ReportVersion first;
    ProcessInstance national;

    /** Kenya's report, frozen and submitted to a regional round of its own: the secretariat's review waits. */
    @BeforeEach
    void kenyaHasSubmitted() throws Exception {
        coordinator = SignedInJourney.canSignIn(users.coordinator("KEN"), jdbc, passwordEncoder);
        eca = SignedInJourney.canSignIn(users.regionalSecretariat("ECA"), jdbc, passwordEncoder);
        round = fixtures.regionalRound("ECA");
        cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        first = versions.freeze(cycle.id());
        national = fixtures.nationalReviewAt(cycle, "SubmitToRegionalReview");
        // Built here rather than with @AutoConfigureMockMvc, which would give this class a context of its own.
        MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build()
                .perform(post("/tasks/" + fixtures.task(national.getId(), "SubmitToRegionalReview").getId())
                        .with(as(coordinator)).with(csrf()).param("versionId", String.valueOf(first.id()))
                        .param("coverNote", "Our first report.").param("confirm", "yes").param("action", "submit").param("answerschecked", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "SendToRegionalReview");
    }

    @Test
    void theEcaSecretariatAsksAQuestionThenAcknowledgesAndKenyaSeesIt(Browser browser) {
        SignedInJourney journey = new SignedInJourney(browser);
        String regional = fixtures.roundInstance(round);

        // the submission is in the inbox and in the workspace, which leads to the same task
        journey.signIn(eca);
        journey.inboxTask(REVIEW, cycle.businessKey());
        browser.tabTo(By.linkText("Secretariat"));
        browser.after(() -> browser.press(Keys.ENTER));
        new Select(browser.find(By.id("round"))).selectByValue(round.code());
        browser.tabTo(By.xpath("//form[contains(@class,'filters')]//button"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.id("row-KEN")).getText()).contains("Kenya", cycle.businessKey(), "Submitted");
        browser.tabTo(By.cssSelector("#row-KEN a[aria-label='Review the report of Kenya']"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(REVIEW);
        assertThat(browser.find(By.id("version-sha256")).getText()).isEqualTo(first.sha256());
        assertThat(browser.find(By.id("cover-note")).getText()).isEqualTo("Our first report.");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Progress on objective 2.");

        // a clarification without a question: refused, the error at the field, focus on the summary
        browser.tabTo(journey.button("Ask for a clarification"));
        browser.after(() -> browser.press(Keys.ENTER), 400);
        assertThat(browser.focused()).as("focus moves to the list of errors").isEqualTo(browser.find(By.id("error-summary")));
        WebElement message = browser.find(By.id("message"));
        assertThat(browser.find(By.id("message-error")).getText()).startsWith("To ask for a clarification, write your question");
        assertThat(message.getDomAttribute("aria-describedby")).contains("message-error");
        assertThat(message.getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.tabTo(By.id("message"));
        browser.type("Please give figures for objective 2.");
        browser.tabTo(journey.button("Ask for a clarification"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(journey.confirmation()).isEqualTo("Your question was sent to Kenya.");
        assertThat(browser.findAll(By.xpath("//a[normalize-space()='" + REVIEW + "']/ancestor::tr/td[normalize-space()='"
                + cycle.businessKey() + "']"))).as("the answered review has left the inbox").isEmpty();
        fixtures.runJob(regional, "RequestClarification");

        // Kenya's coordinator answers the question in the app
        journey.switchTo(coordinator);
        journey.openFromInbox("Answer the clarification request", cycle.businessKey());
        assertThat(browser.find(By.id("clarification-message")).getText()).isEqualTo("Please give figures for objective 2.");
        browser.tabTo(By.id("answer"));
        browser.type("Objective 2 now gives the 2024 figures.");
        browser.tabTo(journey.button("Send the answer"));
        browser.after(() -> browser.press(Keys.ENTER));
        // no section changed: the endorsed version goes back with the answer (a changed text is endorsed first)
        assertThat(journey.confirmation())
                .isEqualTo("Your answer and version 1 of the report are being sent back to the regional secretariat.");
        fixtures.runJob(national.getId(), "SendToRegionalReview");

        // the secretariat reads the answer and acknowledges the report
        journey.switchTo(eca);
        journey.openFromInbox(REVIEW, cycle.businessKey());
        assertThat(browser.find(By.id("version-number")).getText()).isEqualTo("1");
        assertThat(browser.find(By.id("country-answer")).getText()).isEqualTo("Objective 2 now gives the 2024 figures.");
        browser.tabTo(By.id("message"));
        browser.type("Thank you, the report is complete.");
        browser.tabTo(journey.button("Acknowledge the report"));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(journey.confirmation()).startsWith("The report of Kenya is acknowledged. What happens next:");
        fixtures.runJob(regional, "AcknowledgeSubmission");

        // the coordinator sees it on the cycle page
        journey.switchTo(coordinator);
        browser.tabTo(By.linkText("Review cycles"));
        browser.after(() -> browser.press(Keys.ENTER));
        browser.tabTo(By.linkText(cycle.businessKey()));
        browser.after(() -> browser.press(Keys.ENTER));
        assertThat(browser.path()).isEqualTo("/cycles/" + cycle.id());
        assertThat(browser.find(By.id("stage")).getText()).isEqualTo("Acknowledged by the regional review");
    }
}
