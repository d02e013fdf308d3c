package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Starting a cycle (GET/POST /cycles) and the progress page (GET /cycles/{id}). */
@ApplicationTest
class CycleWebTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    /**
     * A country of its own, in a commission of its own without any review round. Other tests check the real list
     * of member states and commissions, so it is removed again, with everything the test made for it.
     */
    @Test
    void aCoordinatorWithoutCyclesIsInvitedToStartOne() throws Exception {
        jdbc.sql("insert into regional_commission (code, name) values ('TSTC', 'Test commission')").update();
        jdbc.sql("insert into country (iso3, name, commission_code) values ('QZQ', 'Testland', 'TSTC')").update();
        try {
            startsTheFirstCycleOfTestland();
        } finally {
            jdbc.sql("select process_instance_id from review_cycle where country_iso3 = 'QZQ'").query(String.class)
                    .list().forEach(id -> runtimeService.deleteProcessInstance(id, "test country removed"));
            jdbc.sql("delete from review_cycle where country_iso3 = 'QZQ'").update();
            // the task offered to the test coordinator left a notice in the notification centre
            jdbc.sql("delete from notice where user_id in (select id from app_user where country_iso3 = 'QZQ')")
                    .update();
            jdbc.sql("delete from notice_preference where user_id in (select id from app_user where country_iso3 = 'QZQ')")
                    .update();
            jdbc.sql("delete from app_user where country_iso3 = 'QZQ'").update();
            jdbc.sql("delete from country where iso3 = 'QZQ'").update();
            jdbc.sql("delete from regional_commission where code = 'TSTC'").update();
        }
    }

    private void startsTheFirstCycleOfTestland() throws Exception {
        CurrentUser coordinator = users.coordinator("QZQ");

        mvc.perform(get("/cycles").with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Your country has no review cycle yet."),
                        containsString("Start the review cycle"))));

        long cycleId = cycles.start(coordinator, "2026");
        Map<String, Object> row = jdbc.sql("select country_iso3, code, business_key, title, regional_round_id, status, "
                + "started_by from review_cycle where id = ?").param(cycleId).query().singleRow();
        assertThat(row).containsEntry("country_iso3", "QZQ").containsEntry("code", "2026")
                .containsEntry("business_key", "QZQ-2026").containsEntry("title", "Review 2026")
                .containsEntry("status", "SCOPING").containsEntry("started_by", coordinator.id());
        assertThat(row.get("regional_round_id")).isNull();

        mvc.perform(get("/cycles").with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(containsString("QZQ-2026"), containsString("/cycles/" + cycleId),
                        containsString("Scoping"))));
    }

    @Test
    void startingACycleStartsItsProcessInTheCountrysTenantAndLinksTheRounds() throws Exception {
        long regional = round("REGIONAL", "ECA", "2999-12-30");
        long imrf = round("IMRF", null, "2999-12-30");
        CurrentUser coordinator = users.coordinator("KEN");
        String code = CycleFixture.uniqueCode();

        long cycleId = cycles.start(coordinator, code);

        Map<String, Object> row = jdbc.sql("select regional_round_id, imrf_round_id, process_instance_id from review_cycle "
                + "where id = ?").param(cycleId).query().singleRow();
        assertThat(row).containsEntry("regional_round_id", regional).containsEntry("imrf_round_id", imrf);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId((String) row.get("process_instance_id")).singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo("KEN-" + code);
        assertThat(instance.getTenantId()).isEqualTo("KEN");
        assertThat(runtimeService.getVariables(instance.getId())).containsEntry("countryIso3", "KEN")
                .containsEntry("cycleId", cycleId).containsEntry("coordinatorGroup", "coordinator-KEN");
        Task scoping = cycles.task(cycleId, "ScopeReview");
        assertThat(scoping.getTenantId()).isEqualTo("KEN");
        assertThat(taskService.getIdentityLinksForTask(scoping.getId()))
                .anyMatch(link -> CandidateGroups.coordinator("KEN").equals(link.getGroupId()));
        assertThat(jdbc.sql("select actor, details from audit_event where action = 'CYCLE_STARTED' and subject_id = ?")
                .param(String.valueOf(cycleId)).query().singleRow())
                .containsEntry("actor", coordinator.username());
    }

    @Test
    void theCountryComesFromTheCoordinatorNeverFromTheRequest() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        users.ensureCountry("GHA");
        String code = CycleFixture.uniqueCode();
        mvc.perform(post("/cycles").param("code", code).param("title", "Sneaky").param("countryIso3", "GHA")
                        .param("country_iso3", "GHA").with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select country_iso3 from review_cycle where code = ?").param(code).query(String.class)
                .list()).containsExactly("KEN");
    }

    @Test
    void invalidOrDuplicateCodesAreRefusedAndNothingIsStored() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        String code = CycleFixture.uniqueCode();
        cycles.start(coordinator, code);
        int cyclesBefore = cycles.count("select count(*) from review_cycle");
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("national-review").count();

        mvc.perform(post("/cycles").param("code", code.toLowerCase()).param("title", "Again")
                        .with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("already has a review cycle with the code")));
        mvc.perform(post("/cycles").param("code", "with space").param("title", "")
                        .with(TestUsers.as(coordinator)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("no spaces"), containsString("Enter a title"),
                        containsString("value=\"with space\""))));

        assertThat(cycles.count("select count(*) from review_cycle")).isEqualTo(cyclesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("national-review").count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void onlyACoordinatorStartsACycleAndOnlyWithCsrfProtection() throws Exception {
        CurrentUser ministry = users.ministry("KEN", "INTERIOR");
        CurrentUser coordinator = users.coordinator("KEN");
        String code = CycleFixture.uniqueCode();
        mvc.perform(post("/cycles").param("code", code).param("title", "By a ministry")
                        .with(TestUsers.as(ministry)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cycles").param("code", code).param("title", "Without token")
                        .with(TestUsers.as(coordinator)))
                .andExpect(status().isForbidden());
        assertThat(cycles.count("select count(*) from review_cycle where code = ?", code)).isZero();
        mvc.perform(get("/cycles").with(TestUsers.as(users.stakeholder("KEN", "Diaspora forum"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cycles").with(TestUsers.as(ministry)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Review cycles")));
    }

    @Test
    void theProgressPageShowsTheStageEachMinistrysProgressAndTheObjectiveGrid() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());

        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Scoping"),
                        containsString("The cycle has not been scoped yet."),
                        containsString("href=\"/cycles/" + cycleId + "/consultation\""))));

        Task scoping = cycles.task(cycleId, "ScopeReview");
        mvc.perform(cycles.scopeForm(scoping.getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(4, interior.ministryId(), 5, labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        Task interiorDraft = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"));
        long contribution = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ?")
                .params(cycleId, interior.ministryId()).query(Long.class).single();
        mvc.perform(post("/tasks/" + interiorDraft.getId()).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "submit").param("answerschecked", "yes").param("status-" + contribution, "IMPLEMENTED")
                        .param("body-" + contribution, "Documents issued.").param("version-" + contribution, "0"))
                .andExpect(redirectedUrl("/tasks"));

        String page = mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(labour)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("National drafting"),
                        // a progress bar per ministry: Interior drafted and submitted its one objective
                        containsString("<progress value=\"1\" max=\"1\""),
                        containsString("<progress value=\"0\" max=\"1\""),
                        containsString("Objectives by implementation status"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("only the coordinator steers the consultation")
                .doesNotContain("/cycles/" + cycleId + "/consultation");
        // the objective x status grid: columns no status, not started, planned, in progress, implemented
        assertThat(headers(page)).containsExactly("Objective", "No status yet", "Not started", "Planned", "In progress",
                "Implemented", "In the report");
        String interiorName = cycles.ministryName(interior.ministryId());
        String labourName = cycles.ministryName(labour.ministryId());
        List<String> objective4 = cells(page, "4. ");
        assertThat(objective4).hasSize(6);
        assertThat(objective4.get(4)).contains(interiorName, "★", "✓");
        assertThat(String.join("", objective4.subList(0, 4))).doesNotContain(interiorName);
        List<String> objective5 = cells(page, "5. ");
        assertThat(objective5.get(0)).contains(labourName, "★").doesNotContain("✓");
        assertThat(String.join("", objective5.subList(1, 5))).doesNotContain(labourName);

        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(users.coordinator("GHA"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(users.ministry("GHA", "INTERIOR"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(users.stakeholder("KEN", "Diaspora forum"))))
                .andExpect(status().isForbidden());
    }

    /** The column headers of the objective grid. */
    private static List<String> headers(String page) {
        String grid = page.substring(page.indexOf("<table class=\"grid\">"));
        String head = grid.substring(grid.indexOf("<thead>"), grid.indexOf("</thead>"));
        return java.util.regex.Pattern.compile("<th scope=\"col\">([^<]*)</th>").matcher(head).results()
                .map(m -> m.group(1)).toList();
    }

    /** The cells (td) of the grid row of the objective whose header starts with {@code rowStart}. */
    private static List<String> cells(String page, String rowStart) {
        String grid = page.substring(page.indexOf("<table class=\"grid\">"));
        int row = grid.indexOf("<th scope=\"row\">" + rowStart);
        String tr = grid.substring(row, grid.indexOf("</tr>", row));
        return java.util.regex.Pattern.compile("<td>(.*?)</td>", java.util.regex.Pattern.DOTALL).matcher(tr).results()
                .map(m -> m.group(1)).toList();
    }

    private long round(String kind, String commission, String deadline) {
        return jdbc.sql("""
                insert into review_round (kind, commission_code, code, name, submission_deadline)
                values (?, ?, ?, ?, ?::date) returning id""")
                .params(kind, commission, kind + "-" + CycleFixture.uniqueCode(), "Test round", deadline)
                .query(Long.class).single();
    }
}
