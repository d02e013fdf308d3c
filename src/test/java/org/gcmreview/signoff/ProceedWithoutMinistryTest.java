package org.gcmreview.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.2 / 14.8 "a ministry that never answers": the coordinator ends its drafting or its sign-off with a
 * reason and the cycle goes on to consolidation and to endorsement; the reason is in the sign-off record, on the
 * progress page, with the report's methodology in the coordinator's draft, and in the audit log. Nobody else may do
 * it: a ministry is refused, another country's coordinator does not find the cycle.
 */
@ApplicationTest
class ProceedWithoutMinistryTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;
    @Autowired
    HistoryService history;

    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser labour;

    @BeforeEach
    void people() {
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        labour = users.ministry("KEN", "LABOUR");
    }

    @Test
    void theCoordinatorEndsTheDraftingOfAMinistryThatNeverAnswersAndTheCycleGoesOnToConsolidation() throws Exception {
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(status().is3xxRedirection());
        cycles.submitContributions(cycleId, interior, "Interior's part");
        Task silent = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "LABOUR"));
        String path = "/cycles/" + cycleId + "/proceed-without";

        String page = mvc.perform(get(path).with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("value=\"" + silent.getId() + "\"", cycles.ministryName(labour.ministryId()));

        // only the country's coordinator
        mvc.perform(get(path).with(TestUsers.as(labour))).andExpect(status().isForbidden());
        mvc.perform(post(path).with(TestUsers.as(labour)).with(csrf()).param("task", silent.getId())
                .param("reason", "I give up")).andExpect(status().isForbidden());
        mvc.perform(get(path).with(TestUsers.as(users.coordinator("GHA")))).andExpect(status().isNotFound());
        mvc.perform(post(path).with(TestUsers.as(users.coordinator("GHA"))).with(csrf()).param("task", silent.getId())
                .param("reason", "Not yours")).andExpect(status().isNotFound());

        // a reason is required; nothing is stored without one
        String refused = mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf())
                        .param("task", silent.getId()).param("reason", "  "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"error-summary\"", "href=\"#reason\"");
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isOne();
        assertThat(absences(cycleId)).isZero();

        mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf()).param("task", silent.getId())
                        .param("reason", "No answer after three escalations; Labour's objective is drafted by us."))
                .andExpect(redirectedUrl("/cycles/" + cycleId));

        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isZero();
        Task consolidation = cycles.task(cycleId, "ConsolidateReport");
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(silent.getId()).variableName("outcome")
                .singleResult().getValue()).isEqualTo("proceeded-without");
        assertThat(absences(cycleId)).isOne();
        assertThat(cycles.count("select count(*) from audit_event where action = 'MINISTRY_PROCEEDED_WITHOUT'"
                + " and country_iso3 = 'KEN' and details like ?", "LABOUR, drafting: No answer after three%")).isOne();
        // in the coordinator's draft (for the methodology section) and on the progress page
        assertThat(mvc.perform(get("/tasks/" + consolidation.getId()).with(TestUsers.as(coordinator)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("id=\"proceeded-without\"", "No answer after three escalations");
        assertThat(mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("No answer after three escalations");

        // the ended task is no longer offered
        mvc.perform(post(path).with(TestUsers.as(coordinator)).with(csrf()).param("task", silent.getId())
                .param("reason", "again")).andExpect(status().isBadRequest());
        assertThat(absences(cycleId)).isOne();
    }

    @Test
    void theCoordinatorEndsTheSignOffOfAMinistryThatNeverAnswersAndTheReportGoesToEndorsement() throws Exception {
        long cycleId = cycles.reachSignOff(coordinator, interior, labour);
        Task silent = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "LABOUR"));
        assertThat(silent.getDueDate()).as("a sign-off has a due date").isNotNull();

        mvc.perform(post("/cycles/" + cycleId + "/proceed-without").with(TestUsers.as(coordinator)).with(csrf())
                        .param("task", silent.getId()).param("reason", "The minister's office never answered."))
                .andExpect(redirectedUrl("/cycles/" + cycleId));
        Task interiorSignOff = cycles.task(cycleId, "SignOffReport", CandidateGroups.ministry("KEN", "INTERIOR"));
        mvc.perform(post("/tasks/" + interiorSignOff.getId()).with(TestUsers.as(interior)).with(csrf())
                .param("action", "approve")).andExpect(status().is3xxRedirection());

        assertThat(cycles.openTasks(cycleId, "EndorseFinalReport")).isOne();
        assertThat(cycles.count("select count(*) from signoff_decision where cycle_id = ? and ministry_id = ?"
                + " and decision = 'PROCEEDED_WITHOUT' and reason = ?", cycleId, labour.ministryId(),
                "The minister's office never answered.")).isOne();
        assertThat(cycles.count("select count(*) from report_version where cycle_id = ?", cycleId)).isOne();
        String progress = mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(interior)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(progress).contains("proceeded without (coordinator)", "The minister&#39;s office never answered.");
    }

    private int absences(long cycleId) {
        return cycles.count("select count(*) from ministry_absence where cycle_id = ?", cycleId);
    }
}
