package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.cycle.BrowserTeam.button;
import static org.gcmreview.cycle.BrowserTeam.script;

import java.nio.file.Path;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.browser.Browser;
import org.gcmreview.browser.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A real national review at its real size, in Chromium through Tomcat: all 23 objectives scoped across three
 * ministries; the lead ministry drafts all 23 in one form (every structured field, an indicator row and an
 * evidence file per objective, about 300 parts: Tomcat's default of 50 once refused it with a bare 403); the
 * coordinator consolidates the 27 sections one at a time, each save returning to the section saved, and sends
 * the report on. Text is put into the fields by script where typing 23 x 5 fields would take minutes; every
 * submit is the browser's own multipart POST.
 */
@BrowserTest
class FullReportBrowserIT {

    static final int OBJECTIVES = 23;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    TaskService taskService;

    BrowserTeam team;

    @BeforeEach
    void team() {
        team = new BrowserTeam(jdbc, passwordEncoder);
    }

    @Test
    void aMinistryDraftsAll23ObjectivesAndTheCoordinatorConsolidatesThemInTheBrowser(Browser browser) {
        long interiorId = ministry("INTERIOR", "Ministry of Interior");
        long labourId = ministry("LABOUR", "Ministry of Labour");
        long foreignId = ministry("FOREIGN", "Ministry of Foreign Affairs");
        String coordinator = team.user("COORDINATOR", null);
        String interior = team.user("MINISTRY", interiorId);
        String labour = team.user("MINISTRY", labourId);
        String foreign = team.user("MINISTRY", foreignId);

        team.signIn(browser, coordinator);
        browser.visit("/cycles");
        browser.find(By.id("code")).sendKeys(CycleFixture.uniqueCode());
        browser.find(By.id("title")).sendKeys("Full review");
        // this journey writes its report from scratch, whatever the country endorsed before (issue 16.3)
        browser.find(By.id("startFrom-empty")).click();
        browser.after(() -> button(browser, "Start the review cycle").click());
        long cycleId = Long.parseLong(browser.path().substring("/cycles/".length()));

        // all 23 objectives (in scope unless unticked), Interior leading each, Labour and Foreign Affairs
        // contributing to the first three
        browser.visit("/tasks/" + task(cycleId, "ScopeReview").getId());
        script(browser, """
                document.getElementById('periodStart').value = '2022-01-01';
                document.getElementById('periodEnd').value = '2025-12-31';
                document.getElementById('draftingDue').value = arguments[0];
                document.getElementById('consultationOpens').value = arguments[1];
                document.getElementById('consultationCloses').value = arguments[2];
                for (const id of [arguments[3], arguments[4], arguments[5]]) {
                  document.getElementById('ministry-' + id).checked = true;
                }
                document.getElementById('defaultLead').value = arguments[3];
                for (let n = 1; n <= 3; n++) {
                  document.getElementById('contributors-' + n + '-' + arguments[4]).checked = true;
                  document.getElementById('contributors-' + n + '-' + arguments[5]).checked = true;
                }
                """, CycleFixture.inDays(30).toString(), CycleFixture.inDays(40).toString(),
                CycleFixture.inDays(50).toString(), String.valueOf(interiorId), String.valueOf(labourId),
                String.valueOf(foreignId));
        assertThat(browser.findAll(By.cssSelector("input[name=objectives]:checked"))).hasSize(OBJECTIVES);
        browser.after(() -> button(browser, "Start national drafting").click());
        assertThat(browser.path()).isEqualTo("/tasks");

        // the lead ministry: every structured field, an indicator and an evidence file for each of 23 objectives
        team.switchUser(browser, interior);
        browser.visit("/tasks/" + task(cycleId, "DraftContribution", "INTERIOR").getId());
        List<WebElement> files = browser.findAll(By.cssSelector("input[type=file][name^=evidence-]"));
        assertThat(files).hasSize(OBJECTIVES);
        Path pdf = EvidenceFile.pdf();
        files.forEach(file -> file.sendKeys(pdf.toString()));
        script(browser, """
                for (const fieldset of document.querySelectorAll('fieldset.contribution')) {
                  const id = fieldset.querySelector('select[name^="status-"]').name.substring(7);
                  const n = fieldset.querySelector('legend span').textContent.match(/\\d+/)[0];
                  fieldset.querySelector('select[name^="status-"]').value = 'IN_PROGRESS';
                  document.getElementById('body-' + id).value = 'Interior on objective ' + n + ': what was done.';
                  document.getElementById('measures-' + id).value = 'Measures for objective ' + n + '.';
                  document.getElementById('practices-' + id).value = 'Practices for objective ' + n + '.';
                  document.getElementById('challenges-' + id).value = 'Challenges for objective ' + n + '.';
                  document.getElementById('ind-' + id + '-0-name').value = 'Indicator of objective ' + n;
                  document.getElementById('ind-' + id + '-0-value').value = String(100 + Number(n));
                  document.getElementById('ind-' + id + '-0-unit').value = 'persons';
                  document.getElementById('ind-' + id + '-0-source').value = 'National statistics';
                  document.getElementById('ind-' + id + '-0-year').value = '2024';
                }
                """);
        browser.after(() -> button(browser, "Save draft").click());
        assertThat(browser.path()).startsWith("/tasks/");
        assertThat(stored("""
                select count(*) from contribution c join ministry m on m.id = c.ministry_id
                 where c.cycle_id = ? and m.code = 'INTERIOR' and c.body like 'Interior on objective %'
                   and c.measures like 'Measures for objective %' and c.practices like 'Practices for objective %'
                   and c.challenges like 'Challenges for objective %' and c.implementation_status = 'IN_PROGRESS'""", cycleId))
                .isEqualTo(OBJECTIVES);
        assertThat(stored("""
                select count(*) from contribution_indicator i join contribution c on c.id = i.contribution_id
                 where c.cycle_id = ? and i.name like 'Indicator of objective %' and i.year = 2024""", cycleId))
                .isEqualTo(OBJECTIVES);
        assertThat(stored("""
                select count(*) from attachment a join contribution c on c.id = a.owner_id
                 where a.owner_kind = 'CONTRIBUTION' and c.cycle_id = ?""", cycleId)).isEqualTo(OBJECTIVES);
        // and shown again on the page, in the fields and with the evidence listed
        String page = browser.find(By.tagName("main")).getText();
        assertThat(browser.findAll(By.xpath("//textarea[starts-with(., 'Interior on objective ')]"))).hasSize(OBJECTIVES);
        assertThat(page).contains("evidence.pdf");
        browser.after(() -> button(browser, "Save and check your answers").click());
        browser.after(() -> button(browser, "Submit contribution").click());
        assertThat(browser.path()).isEqualTo("/tasks");

        for (String[] contributor : List.of(new String[] {labour, "LABOUR"}, new String[] {foreign, "FOREIGN"})) {
            team.switchUser(browser, contributor[0]);
            browser.visit("/tasks/" + task(cycleId, "DraftContribution", contributor[1]).getId());
            script(browser, """
                    document.querySelectorAll('select[name^="status-"]').forEach(s => s.value = 'PLANNED');
                    document.querySelectorAll('textarea[name^="body-"]').forEach(t => t.value = arguments[0]);
                    """, contributor[1] + " contributes.");
            browser.after(() -> button(browser, "Save and check your answers").click());
        browser.after(() -> button(browser, "Submit contribution").click());
        }

        // the coordinator: a long report, edited one section at a time, each starting from the ministries' drafts
        team.switchUser(browser, coordinator);
        String consolidation = "/tasks/" + task(cycleId, "ConsolidateReport").getId();
        List<Long> sections = jdbc.sql("select id from report_section where cycle_id = ? order by position, id")
                .param(cycleId).query(Long.class).list();
        assertThat(sections).hasSize(OBJECTIVES + 4);
        for (long section : sections) {
            browser.visit(consolidation + "?section=" + section);
            script(browser, """
                    const status = document.getElementById('status-' + arguments[0]);
                    if (status && !status.value) status.value = 'IN_PROGRESS';
                    const body = document.getElementById('body-' + arguments[0]);
                    if (!body.value) body.value = 'Consolidated section ' + arguments[0] + '.';
                    """, String.valueOf(section));
            browser.after(() -> button(browser, "Save").click());
            // back at the section just saved, not at the table of contents
            assertThat(browser.path()).isEqualTo(consolidation + "?section=" + section);
            assertThat((String) browser.driver().executeScript("return location.hash")).isEqualTo("#section-" + section);
            assertThat(browser.find(By.id("body-" + section)).getAttribute("value")).isNotEmpty();
        }
        assertThat(stored("""
                select count(*) from report_section s where s.cycle_id = ? and s.body <> ''
                   and (s.kind <> 'OBJECTIVE' or (s.implementation_status is not null and s.body like '%Interior on objective%'))""",
                cycleId)).isEqualTo(OBJECTIVES + 4);
        assertThat(stored("""
                select count(*) from report_section s where s.cycle_id = ? and s.objective_number <= 3
                   and s.body like '%LABOUR contributes.%' and s.body like '%FOREIGN contributes.%'""", cycleId))
                .isEqualTo(3);
        browser.visit(consolidation);
        // no section was tagged with a guiding principle: the page warns and the coordinator confirms (issue 16.4)
        browser.after(() -> button(browser, "Save and check your answers").click());
        browser.find(By.id("confirmUnevidenced")).click();
        browser.after(() -> button(browser, "Send to the stakeholder consultation").click());
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(taskService.createTaskQuery().taskId(consolidation.substring("/tasks/".length())).count()).isZero();
    }

    private int stored(String sql, long cycleId) {
        return jdbc.sql(sql).param(cycleId).query(Integer.class).single();
    }

    private long ministry(String code, String name) {
        jdbc.sql("insert into ministry (country_iso3, code, name) values ('KEN', ?, ?) on conflict do nothing")
                .params(code, name).update();
        return jdbc.sql("select id from ministry where country_iso3 = 'KEN' and code = ?").param(code)
                .query(Long.class).single();
    }

    private Task task(long cycleId, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey(cycleId)).taskDefinitionKey(key)
                .singleResult();
    }

    private Task task(long cycleId, String key, String ministryCode) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey(cycleId)).taskDefinitionKey(key)
                .taskCandidateGroup("ministry-KEN-" + ministryCode).singleResult();
    }

    private String businessKey(long cycleId) {
        return jdbc.sql("select business_key from review_cycle where id = ?").param(cycleId).query(String.class)
                .single();
    }
}
