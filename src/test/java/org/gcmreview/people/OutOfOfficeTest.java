package org.gcmreview.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14 part 2, people who do not answer. Out of office: a focal point names a colleague of their country as
 * deputy for a period; while it runs, a task offered to the focal point's ministry is offered to the deputy too (in
 * their inbox, openable, with a notice), audited; once the absence ends, the deputy no longer reaches it. Nobody
 * outside the country can be named. And the coordinator hands a silent focal point's task to a colleague.
 */
@ApplicationTest
class OutOfOfficeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aDeputyIsOfferedTheAbsentPersonsTasksWhileTheAbsenceRuns() throws Exception {
        String ministry = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser away = users.ministry("KEN", ministry);
        CurrentUser deputy = users.ministry("KEN", ministry + "X");
        CurrentUser foreigner = users.ministry("GHA", ministry);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // nobody of another country, and no period that began yesterday
        mvc.perform(post("/account/out-of-office").with(TestUsers.as(away)).with(csrf())
                        .param("deputy", String.valueOf(foreigner.id())).param("from", today.toString())
                        .param("until", today.plusDays(7).toString()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/out-of-office").with(TestUsers.as(away)).with(csrf())
                        .param("deputy", String.valueOf(deputy.id())).param("from", today.minusDays(1).toString())
                        .param("until", today.plusDays(7).toString()))
                .andExpect(status().isBadRequest());
        assertThat(count("select count(*) from deputy where user_id = ?", away.id())).isZero();

        mvc.perform(post("/account/out-of-office").with(TestUsers.as(away)).with(csrf())
                        .param("deputy", String.valueOf(deputy.id())).param("from", today.toString())
                        .param("until", today.plusDays(7).toString()))
                .andExpect(redirectedUrl("/account/out-of-office"));
        assertThat(count("select count(*) from audit_event where action = 'DEPUTY_NAMED' and actor = ?",
                away.username())).isOne();
        assertThat(mvc.perform(get("/account/out-of-office").with(TestUsers.as(away))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(deputy.displayName());

        // a task for the absent person's ministry: the deputy has it in their inbox, may open it, got a notice
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(away.ministryId()), Map.of(1, away.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        String task = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", ministry)).getId();
        assertThat(mvc.perform(get("/tasks").with(TestUsers.as(deputy))).andReturn().getResponse()
                .getContentAsString()).contains("/tasks/" + task);
        mvc.perform(get("/tasks/" + task).with(TestUsers.as(deputy))).andExpect(status().isOk());
        assertThat(count("select count(*) from notice where user_id = ? and kind = 'TASK_OFFERED' and link = ?",
                deputy.id(), "/tasks/" + task)).isOne();
        assertThat(count("select count(*) from audit_event where action = 'TASK_OFFERED_TO_DEPUTY' and subject_id = ?",
                task)).isOne();
        // somebody else of the same country, not named, does not reach it
        CurrentUser bystander = users.ministry("KEN", ministry + "Y");
        mvc.perform(get("/tasks/" + task).with(TestUsers.as(bystander))).andExpect(status().isForbidden());

        // the absence ends early: the deputy no longer reaches the task; only the person can end it
        long absence = jdbc.sql("select id from deputy where user_id = ?").param(away.id()).query(Long.class).single();
        mvc.perform(post("/account/out-of-office/" + absence + "/end").with(TestUsers.as(deputy)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/out-of-office/" + absence + "/end").with(TestUsers.as(away)).with(csrf()))
                .andExpect(redirectedUrl("/account/out-of-office"));
        mvc.perform(get("/tasks/" + task).with(TestUsers.as(deputy))).andExpect(status().isForbidden());
        assertThat(count("select count(*) from audit_event where action = 'DEPUTY_ENDED' and actor = ?",
                away.username())).isOne();
    }

    @Test
    void theCoordinatorHandsAMinistrysTaskToAnotherOfItsFocalPoints() throws Exception {
        String ministry = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser silent = users.ministry("KEN", ministry);
        CurrentUser colleague = users.ministry("KEN", ministry);
        CurrentUser elsewhere = users.ministry("KEN", ministry + "X");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(silent.ministryId()), Map.of(1, silent.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        String task = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", ministry)).getId();
        // the focal point took the task and went silent
        mvc.perform(post("/tasks/" + task + "/claim").with(TestUsers.as(silent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from notice where user_id = ? and kind = 'TASK_CLAIMED'", silent.id()))
                .isZero();

        String page = mvc.perform(get("/cycles/" + cycleId + "/ministry-tasks").with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(silent.username(), colleague.displayName()).doesNotContain(elsewhere.displayName());

        // only a focal point of the task's ministry; a ministry does not steer the cycle
        mvc.perform(post("/cycles/" + cycleId + "/ministry-tasks/" + task).with(TestUsers.as(coordinator)).with(csrf())
                        .param("person", String.valueOf(elsewhere.id())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/cycles/" + cycleId + "/ministry-tasks/" + task).with(TestUsers.as(colleague)).with(csrf())
                        .param("person", String.valueOf(colleague.id())))
                .andExpect(status().isForbidden());

        mvc.perform(post("/cycles/" + cycleId + "/ministry-tasks/" + task).with(TestUsers.as(coordinator)).with(csrf())
                        .param("person", String.valueOf(colleague.id())))
                .andExpect(redirectedUrl("/cycles/" + cycleId + "/ministry-tasks"));
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee())
                .isEqualTo(colleague.username());
        // the colleague is told, and works on it
        assertThat(count("select count(*) from notice where user_id = ? and kind = 'TASK_CLAIMED' and link = ?",
                colleague.id(), "/tasks/" + task)).isOne();
        mvc.perform(get("/tasks/" + task).with(TestUsers.as(colleague))).andExpect(status().isOk());
        assertThat(count("select count(*) from audit_event where action = 'TASK_REASSIGNED' and subject_id = ?",
                String.valueOf(cycleId))).isOne();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
