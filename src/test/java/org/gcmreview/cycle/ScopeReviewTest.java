package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The "Scope the review" form: what it checks, what it stores, and what it hands to the process. */
@ApplicationTest
class ScopeReviewTest {

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

    CurrentUser coordinator;
    long interior;
    long labour;
    long foreign;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR").ministryId();
        labour = users.ministry("KEN", "LABOUR").ministryId();
        foreign = users.ministry("KEN", "FOREIGN").ministryId();
    }

    @Test
    void everyMistakeIsReportedAgainstItsFieldAndNothingIsStored() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Task scoping = cycles.task(cycleId, "ScopeReview");
        long ghana = users.ministry("GHA", "INTERIOR").ministryId();
        int auditBefore = cycles.count("select count(*) from audit_event");

        mvc.perform(post("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "complete")
                        .param("periodStart", "2025-12-31").param("periodEnd", "2022-01-01")
                        .param("ministries", String.valueOf(interior)).param("ministries", String.valueOf(ghana))
                        .param("objectives", "1").param("lead-1", String.valueOf(labour))
                        .param("objectives", "2")
                        .param("draftingDue", CycleFixture.inDays(-1).toString()).param("reminderDays", "7")
                        .param("consultationOpens", CycleFixture.inDays(-5).toString())
                        .param("consultationCloses", CycleFixture.inDays(-6).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("The reporting period must end after it starts."),
                        containsString("Choose ministries of your own country from the list."),
                        containsString("The lead for objective 1 must be one of the contributing ministries."),
                        containsString("Choose the lead ministry for objective 2."),
                        containsString("The drafting due date must be today or later."),
                        containsString("The consultation opens on the drafting due date or later."),
                        containsString("The consultation closes on the day it opens or later."),
                        // what was typed is shown again
                        containsString("value=\"2025-12-31\""))));

        mvc.perform(post("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "complete").param("periodStart", "2022-01-01").param("periodEnd", "2025-12-31")
                        .param("draftingDue", CycleFixture.inDays(3).toString()).param("reminderDays", "5")
                        .param("consultationOpens", CycleFixture.inDays(40).toString())
                        .param("consultationCloses", CycleFixture.inDays(50).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Choose at least one objective to report on."),
                        containsString("Choose at least one contributing ministry."),
                        containsString("would fall in the past"))));

        // a ministry chosen but given nothing to draft
        mvc.perform(cycles.scopeForm(scoping.getId(), coordinator, List.of(interior, labour), Map.of(1, interior)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give every contributing ministry at least one objective")));

        assertNothingScoped(cycleId);
        assertThat(cycles.count("select count(*) from audit_event")).isEqualTo(auditBefore);
        assertThat(taskService.createTaskQuery().taskId(scoping.getId()).count()).isOne();
    }

    @Test
    void aScopedCycleHandsTheProcessItsMinistriesAndDeadlines() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Task scoping = cycles.task(cycleId, "ScopeReview");

        mvc.perform(cycles.scopeForm(scoping.getId(), coordinator, List.of(labour, interior, foreign),
                        Map.of(7, labour, 10, foreign))
                        .param("defaultLead", String.valueOf(interior))
                        .param("objectives", "8"))
                .andExpect(redirectedUrl("/tasks"));

        String instance = cycles.processInstanceId(cycleId);
        assertThat(runtimeService.getVariable(instance, "ministryGroups"))
                .isEqualTo(List.of("ministry-KEN-FOREIGN", "ministry-KEN-INTERIOR", "ministry-KEN-LABOUR"));
        assertThat(runtimeService.getVariable(instance, "draftingDue"))
                .isEqualTo(Date.from(CycleFixture.inDays(30).atTime(23, 59).toInstant(ZoneOffset.UTC)));
        // 7 days before the due date, in the morning
        assertThat(runtimeService.getVariable(instance, "draftingReminderAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(23).atTime(8, 0).toInstant(ZoneOffset.UTC)));
        assertThat(runtimeService.getVariable(instance, "consultationOpensAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(40).atStartOfDay().toInstant(ZoneOffset.UTC)));
        assertThat(runtimeService.getVariable(instance, "consultationClosesAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(50).atTime(23, 59).toInstant(ZoneOffset.UTC)));

        Map<String, Object> cycle = jdbc.sql("select period_start::text, period_end::text, drafting_due::text "
                + "from review_cycle where id = ?").param(cycleId).query().singleRow();
        assertThat(cycle.values()).containsExactly("2022-01-01", "2025-12-31", CycleFixture.inDays(30).toString());
        // objective 8 had no lead of its own: the default lead takes it
        assertThat(jdbc.sql("select objective_number || ':' || ministry_id from ministry_assignment "
                + "where cycle_id = ? and lead order by objective_number").param(cycleId).query(String.class).list())
                .containsExactly("7:" + labour, "8:" + interior, "10:" + foreign);
        assertThat(jdbc.sql("select title from report_section where cycle_id = ? and kind = 'OBJECTIVE' "
                + "order by position").param(cycleId).query(String.class).list())
                .hasSize(3).allMatch(t -> t.startsWith("Objective ")).first().asString().startsWith("Objective 7: ");
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isEqualTo(3);
        assertThat(cycles.cycleStatus(cycleId)).isEqualTo(CycleStatus.DRAFTING);
    }

    @Test
    void aReviewCanBeScopedForOneSittingDraftingDueTodayAndAOneDayWindow() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Task scoping = cycles.task(cycleId, "ScopeReview");
        String foreignName = jdbc.sql("select name from ministry where id = ?").param(foreign).query(String.class)
                .single();
        mvc.perform(get("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)))
                .andExpect(content().string(allOf(
                        containsString("Today or later. Contributions are due by the end of that day (UTC)."),
                        containsString("a one-day window opens and closes on the same date"),
                        containsString("id=\"consultationCloses-hint\""),
                        // ministries by their names, never their codes
                        not(containsString(">FOREIGN<")), containsString("><bdi>" + foreignName + "</bdi></label>"))));

        // the suggested 7-day reminder does not fit: it goes out on the first (and only) day instead
        mvc.perform(post("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)).with(csrf())
                        .param("action", "complete").param("periodStart", "2022-01-01").param("periodEnd", "2025-12-31")
                        .param("ministries", String.valueOf(interior))
                        .param("objectives", "1").param("lead-1", String.valueOf(interior))
                        .param("draftingDue", CycleFixture.inDays(0).toString()).param("reminderDays", "7")
                        .param("consultationOpens", CycleFixture.inDays(0).toString())
                        .param("consultationCloses", CycleFixture.inDays(0).toString()))
                .andExpect(redirectedUrl("/tasks"))
                // one ministry, in the singular
                .andExpect(flash().attribute("flash", containsString("One ministry has been asked to draft its contribution.")));

        String instance = cycles.processInstanceId(cycleId);
        assertThat(runtimeService.getVariable(instance, "draftingReminderAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(0).atTime(8, 0).toInstant(ZoneOffset.UTC)));
        assertThat(runtimeService.getVariable(instance, "consultationOpensAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(0).atStartOfDay().toInstant(ZoneOffset.UTC)));
        assertThat(runtimeService.getVariable(instance, "consultationClosesAt"))
                .isEqualTo(Date.from(CycleFixture.inDays(0).atTime(23, 59).toInstant(ZoneOffset.UTC)));
    }

    @Test
    void aMissingDefaultLeadIsOneErrorNotOnePerObjective() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        Task scoping = cycles.task(cycleId, "ScopeReview");
        var form = post("/tasks/" + scoping.getId()).with(TestUsers.as(coordinator)).with(csrf())
                .param("action", "complete").param("periodStart", "2022-01-01").param("periodEnd", "2025-12-31")
                .param("ministries", String.valueOf(interior))
                .param("draftingDue", CycleFixture.inDays(30).toString()).param("reminderDays", "7")
                .param("consultationOpens", CycleFixture.inDays(40).toString())
                .param("consultationCloses", CycleFixture.inDays(50).toString());
        for (int n = 1; n <= 23; n++) {
            form.param("objectives", String.valueOf(n));
        }
        String page = mvc.perform(form).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page.split("class=\"field-error\"", -1)).hasSize(2);
        assertThat(page).contains("id=\"defaultLead-error\"")
                .contains("23 objectives (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23) have no lead yet")
                .doesNotContain("Choose the lead ministry for objective");
        assertNothingScoped(cycleId);
    }

    private void assertNothingScoped(long cycleId) {
        assertThat(cycles.count("select count(*) from cycle_objective where cycle_id = ?", cycleId)).isZero();
        assertThat(cycles.count("select count(*) from ministry_assignment where cycle_id = ?", cycleId)).isZero();
        assertThat(cycles.count("select count(*) from report_section where cycle_id = ?", cycleId)).isZero();
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ?", cycleId)).isZero();
        assertThat(cycles.count("select count(*) from review_cycle where id = ? and period_start is null "
                + "and drafting_due is null and status = 'SCOPING'", cycleId)).isOne();
    }
}
