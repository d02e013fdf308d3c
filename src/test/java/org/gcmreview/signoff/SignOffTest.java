package org.gcmreview.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The ministries' sign-off: who may decide, what a decision needs, and one decision per ministry and round. */
@SpringBootTest
@AutoConfigureMockMvc
class SignOffTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    SignOffDecisions decisions;

    TestUsers users;
    CycleFixture cycles;
    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser labour;
    long cycleId;

    @BeforeEach
    void reachSignOff() throws Exception {
        users = new TestUsers(jdbc);
        cycles = new CycleFixture(mvc, jdbc, taskService, runtimeService);
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        labour = users.ministry("KEN", "LABOUR");
        cycleId = cycles.reachSignOff(coordinator, interior, labour);
    }

    @Test
    void onlyTheMinistryTheTaskIsForMayDecide() throws Exception {
        Task interiorTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR"));

        mvc.perform(get("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Introduction and methodology (consolidated)"),
                        containsString("Request changes"))));
        for (CurrentUser other : new CurrentUser[] {labour, coordinator, users.ministry("GHA", "INTERIOR")}) {
            mvc.perform(get("/tasks/" + interiorTask.getId()).with(TestUsers.as(other)))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(other)).with(csrf())
                            .param("action", "approve"))
                    .andExpect(status().isForbidden());
        }
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isZero();
    }

    @Test
    void aRequestForChangesNeedsAReasonAndAnApprovalDoesNot() throws Exception {
        Task interiorTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR"));
        Task labourTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "LABOUR"));

        mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "   "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say which changes you need")));
        mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "maybe"))
                .andExpect(status().isBadRequest());
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isZero();
        assertThat(taskService.createTaskQuery().taskId(interiorTask.getId()).count()).isOne();

        mvc.perform(post("/tasks/" + labourTask.getId()).with(TestUsers.as(labour)).with(csrf())
                        .param("action", "approve").param("reason", ""))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(runtimeService.getVariable(cycles.processInstanceId(cycleId), "changesRequested")).isEqualTo(false);
        mvc.perform(get("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)))
                .andExpect(content().string(allOf(containsString("Decided so far in this round"),
                        containsString(cycles.ministryName(labour.ministryId()) + "</span>:"))));
        mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "Name the 2025 act."))
                .andExpect(redirectedUrl("/tasks"));

        assertThat(decisions.all(cycleId)).extracting(SignOffDecision::ministryName, SignOffDecision::decision,
                        SignOffDecision::reason, SignOffDecision::roundNo)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(cycles.ministryName(labour.ministryId()), SignOffDecision.Decision.APPROVED, null, 1),
                        org.assertj.core.groups.Tuple.tuple(cycles.ministryName(interior.ministryId()),
                                SignOffDecision.Decision.CHANGES_REQUESTED, "Name the 2025 act.", 1));
        assertThat(cycles.openTasks(cycleId, "ReviseRequestedSections")).isOne();
        assertThat(decisions.currentRound(cycleId)).isEqualTo(2);
        assertThat(decisions.latestChangeRequests(cycleId)).extracting(SignOffDecision::reason)
                .containsExactly("Name the 2025 act.");
    }

    @Test
    void aMinistryCannotDecideTwiceInOneRound() throws Exception {
        Task interiorTask = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR"));
        // as if a colleague's decision had been stored a moment before this one
        jdbc.sql("insert into signoff_decision (cycle_id, round_no, ministry_id, decision, decided_by) "
                + "values (?, 1, ?, 'APPROVED', ?)").params(cycleId, interior.ministryId(), interior.id()).update();

        mvc.perform(post("/tasks/" + interiorTask.getId()).with(TestUsers.as(interior)).with(csrf())
                        .param("action", "request-changes").param("reason", "Second thoughts"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("has already decided in sign-off round 1")));
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ?", cycleId)).isOne();
        assertThat(taskService.createTaskQuery().taskId(interiorTask.getId()).count()).isOne();
    }
}
