package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.cycle.BrowserTeam.button;
import static org.gcmreview.cycle.BrowserTeam.script;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The national cycle's pages in a real browser, signed in through the login form: every page on the way from
 * starting a cycle to endorsing its report passes the browser checks (axe, no foreign requests, page weight).
 * The stakeholder consultation (another feature's forms) is skipped through Camunda, as in
 * {@link NationalCycleFlowTest}.
 */
@BrowserTest
class NationalCycleBrowserIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    BrowserTeam team;

    @BeforeEach
    void team() {
        team = new BrowserTeam(jdbc, passwordEncoder);
    }

    @Test
    void aCoordinatorAndAMinistryTakeACycleToEndorsementInTheBrowser(Browser browser) {
        jdbc.sql("insert into ministry (country_iso3, code, name) values ('KEN', 'INTERIOR', 'Ministry of Interior') "
                + "on conflict do nothing").update();
        long interiorId = jdbc.sql("select id from ministry where country_iso3 = 'KEN' and code = 'INTERIOR'")
                .query(Long.class).single();
        String coordinator = team.user("COORDINATOR", null);
        String interior = team.user("MINISTRY", interiorId);
        String code = CycleFixture.uniqueCode();

        team.signIn(browser, coordinator);
        browser.visit("/cycles");
        browser.find(By.id("code")).sendKeys(code);
        browser.find(By.id("title")).sendKeys("Browser review");
        // issue 16.3: the form asks what the report starts from; this journey writes it from scratch
        browser.find(By.id("startFrom-empty")).click();
        browser.after(() -> button(browser, "Start the review cycle").click());
        assertThat(browser.path()).startsWith("/cycles/");
        long cycleId = Long.parseLong(browser.path().substring("/cycles/".length()));
        assertThat(browser.find(By.id("stage")).getText()).isEqualTo("Scoping");

        browser.visit("/tasks/" + task(cycleId, "ScopeReview").getId());
        script(browser, """
                document.getElementById('periodStart').value = '2022-01-01';
                document.getElementById('periodEnd').value = '2025-12-31';
                document.getElementById('draftingDue').value = arguments[0];
                document.getElementById('consultationOpens').value = arguments[1];
                document.getElementById('consultationCloses').value = arguments[2];
                document.querySelectorAll('input[name=objectives]').forEach(c => c.checked = Number(c.value) <= 2);
                """, CycleFixture.inDays(30).toString(), CycleFixture.inDays(40).toString(),
                CycleFixture.inDays(50).toString());
        browser.find(By.id("ministry-" + interiorId)).click();
        new Select(browser.find(By.id("defaultLead"))).selectByValue(String.valueOf(interiorId));
        browser.after(() -> button(browser, "Start national drafting").click());
        assertThat(browser.path()).isEqualTo("/tasks");

        team.switchUser(browser, interior);
        String drafting = "/tasks/" + task(cycleId, "DraftContribution").getId();
        browser.visit(drafting);
        long objective1 = jdbc.sql("select id from contribution where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        // the structured fields of objective 1, an indicator with a year out of range, and a PDF as evidence
        browser.find(By.id("measures-" + objective1)).sendKeys("Border data is shared monthly.");
        browser.find(By.id("ind-" + objective1 + "-0-name")).sendKeys("Records shared");
        browser.find(By.id("ind-" + objective1 + "-0-value")).sendKeys("1250");
        browser.find(By.id("ind-" + objective1 + "-0-source")).sendKeys("Immigration department");
        browser.find(By.id("ind-" + objective1 + "-0-year")).sendKeys("1985");
        browser.find(By.id("evidence-" + objective1)).sendKeys(EvidenceFile.pdf().toString());
        // a second indicator row, added in the page (static/js/indicator-rows.js) without saving first
        browser.find(By.cssSelector("button[value='add-indicator-" + objective1 + "']")).click();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ind-" + objective1 + "-1-name");
        assertThat(browser.find(By.name("indrows-" + objective1)).getAttribute("value")).isEqualTo("2");
        assertThat(browser.find(By.id("indrows-" + objective1)).getText()).contains("Indicator 2");
        assertThat(browser.find(By.id("ind-" + objective1 + "-1-value")).getAttribute("value")).isEmpty();
        browser.type("Cases resolved");
        browser.find(By.id("ind-" + objective1 + "-1-value")).sendKeys("12,5");
        browser.find(By.id("ind-" + objective1 + "-1-source")).sendKeys("Courts");
        browser.find(By.id("ind-" + objective1 + "-1-year")).sendKeys("2023");
        browser.after(() -> button(browser, "Save draft").click(), 400);
        assertThat(browser.find(By.id("ind-" + objective1 + "-1-name")).getAttribute("value")).isEqualTo("Cases resolved");
        // refused and shown again with everything typed, the error tied to the year field
        assertThat(browser.find(By.id("ind-" + objective1 + "-0-year-error")).getText())
                .contains("the year must be between 1990");
        assertThat(browser.find(By.id("measures-" + objective1)).getAttribute("value"))
                .isEqualTo("Border data is shared monthly.");
        assertThat(browser.find(By.id("evidence-" + objective1 + "-error")).getText()).contains("choose evidence.pdf again");
        WebElement year = browser.find(By.id("ind-" + objective1 + "-0-year"));
        year.clear();
        year.sendKeys("2024");
        browser.find(By.id("evidence-" + objective1)).sendKeys(EvidenceFile.pdf().toString());
        fillEverything(browser, "Drafted in the browser.");
        // issue 16.5: saved, then submitted from "check your answers"
        browser.after(() -> button(browser, "Save and check your answers").click());
        browser.after(() -> button(browser, "Submit contribution").click());
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(jdbc.sql("select count(*) from attachment where owner_kind = 'CONTRIBUTION' and owner_id = ?")
                .param(objective1).query(Integer.class).single()).isOne();
        assertThat(jdbc.sql("select name || '/' || value || '/' || year from contribution_indicator "
                + "where contribution_id = ? order by position").param(objective1).query(String.class).list())
                .containsExactly("Records shared/1250/2024", "Cases resolved/12.5/2023");

        team.switchUser(browser, coordinator);
        browser.visit("/tasks/" + task(cycleId, "ConsolidateReport").getId());
        fillEverything(browser, "Consolidated in the browser.");
        // issue 16.4: objective 1 gives evidence for "People-centred" (1) and "Human rights" (6); the others have
        // none, which the page lists before sending on, and the coordinator confirms
        long section1 = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycleId).query(Long.class).single();
        browser.find(By.id("principle-" + section1 + "-1")).click();
        browser.find(By.id("principle-" + section1 + "-6")).click();
        // the page lists what the saved report lacks (no section is tagged yet: all ten)
        assertThat(browser.find(By.id("unevidenced")).getText()).contains("Guiding principles without evidence")
                .contains("1. People-centred").contains("10. ");
        // issue 16.5: saved, then sent on from "check your answers", where the warning is confirmed
        browser.after(() -> button(browser, "Save and check your answers").click());
        browser.after(() -> button(browser, "Send to the stakeholder consultation").click(), 400);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("error-summary");
        // refused once: the summary names what the report as sent lacks, without the two just ticked
        assertThat(browser.find(By.id("error-summary")).getText()).contains("2. International cooperation")
                .doesNotContain("1. People-centred").doesNotContain("6. Human rights");
        browser.find(By.id("confirmUnevidenced")).click();
        browser.after(() -> button(browser, "Send to the stakeholder consultation").click());
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(jdbc.sql("select principles from report_section where id = ?").param(section1)
                .query(String.class).single()).isEqualTo("1,6");
        browser.visit("/cycles/" + cycleId);
        assertThat(browser.find(By.cssSelector("#principle-matrix caption")).getText())
                .startsWith("Objectives and the guiding principles");
        assertThat(browser.findAll(By.cssSelector("#principle-matrix tfoot td")).stream().map(WebElement::getText)
                .toList()).containsExactly("1", "0", "0", "0", "0", "1", "0", "0", "0", "0");

        runtimeService.createProcessInstanceModification(runtimeService.createProcessInstanceQuery()
                        .superProcessInstanceId(instance(cycleId)).singleResult().getId())
                .startBeforeActivity("RespondToInputs").cancelAllForActivity("WindowOpensTimer").execute();
        taskService.complete(task(cycleId, "RespondToInputs").getId(), Map.of("reviseDraft", true));
        browser.visit("/tasks/" + task(cycleId, "ReviseDraftAfterConsultation").getId());
        browser.after(() -> button(browser, "Save and check your answers").click());
        browser.find(By.id("confirmUnevidenced")).click();
        browser.after(() -> button(browser, "Send for sign-off").click());

        team.switchUser(browser, interior);
        browser.visit("/tasks/" + task(cycleId, "SignOffReport").getId());
        assertThat(browser.find(By.tagName("main")).getText()).contains("Consolidated in the browser.",
                "Border data is shared monthly.", "Records shared");
        // a request for changes names a section and gives the reason
        long nextSteps = jdbc.sql("select id from report_section where cycle_id = ? and kind = 'NEXT_STEPS'")
                .param(cycleId).query(Long.class).single();
        browser.find(By.id("request-" + nextSteps)).click();
        browser.find(By.id("reason")).sendKeys("Give the next steps a date.");
        browser.after(() -> button(browser, "Request changes").click());
        assertThat(browser.path()).isEqualTo("/tasks");

        team.switchUser(browser, coordinator);
        browser.visit("/tasks/" + task(cycleId, "ReviseRequestedSections").getId());
        assertThat(browser.find(By.tagName("main")).getText()).contains("Sections with requested changes",
                "Give the next steps a date.");
        WebElement steps = browser.find(By.id("body-" + nextSteps));
        steps.clear();
        steps.sendKeys("Next review in June 2030.");
        browser.after(() -> button(browser, "Save and check your answers").click());
        browser.find(By.id("confirmUnevidenced")).click();
        browser.after(() -> button(browser, "Send for a new sign-off round").click());
        assertThat(browser.path()).isEqualTo("/tasks");
        browser.visit("/cycles/" + cycleId);
        browser.visit("/cycles/" + cycleId + "/sections/" + nextSteps + "/history");

        team.switchUser(browser, interior);
        browser.visit("/tasks/" + task(cycleId, "SignOffReport").getId());
        assertThat(browser.find(By.tagName("main")).getText()).contains("Next review in June 2030.");
        browser.after(() -> button(browser, "Approve the report").click());

        team.switchUser(browser, coordinator);
        browser.visit("/tasks/" + task(cycleId, "EndorseFinalReport").getId());
        String sha256 = jdbc.sql("select sha256 from report_version where cycle_id = ?").param(cycleId)
                .query(String.class).single();
        assertThat(browser.find(By.id("sha256")).getText()).isEqualTo(sha256);
        browser.after(() -> button(browser, "Endorse version 1").click());

        browser.visit("/cycles/" + cycleId);
        assertThat(browser.find(By.id("stage")).getText()).isEqualTo("Ready to submit");
    }

    /** Gives every status select a status and every empty text area a text (what a user would type). */
    private static void fillEverything(Browser browser, String text) {
        script(browser, """
                document.querySelectorAll('select[name^="status-"]').forEach(s => s.value = 'IN_PROGRESS');
                document.querySelectorAll('textarea[name^="body-"]').forEach(t => { if (!t.value) t.value = arguments[0]; });
                """, text);
    }

    private String instance(long cycleId) {
        return jdbc.sql("select process_instance_id from review_cycle where id = ?").param(cycleId)
                .query(String.class).single();
    }

    private Task task(long cycleId, String key) {
        String businessKey = jdbc.sql("select business_key from review_cycle where id = ?").param(cycleId)
                .query(String.class).single();
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key)
                .singleResult();
    }
}
