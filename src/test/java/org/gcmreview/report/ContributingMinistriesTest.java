package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.2 / 14.8: the coordinator adds a contributing ministry while the ministries draft (a drafting task and
 * contributions of its own, then it signs off) and removes one (its task ends, what it drafted stays, it does not
 * sign off); the cycle reaches endorsement. Only the country's coordinator, and only while drafting runs.
 */
@ApplicationTest
class ContributingMinistriesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aMinistryIsAddedAndAnotherRemovedWhileDraftingAndTheSignOffFollows() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        CurrentUser added = users.ministry("KEN", "PEOPLEADDED");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(status().is3xxRedirection());
        cycles.submitContributions(cycleId, labour, "Labour's draft so far");
        String path = "/cycles/" + cycleId + "/contributing-ministries";

        assertThat(mvc.perform(get(path).with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("value=\"" + added.ministryId() + "\"");
        mvc.perform(get(path).with(TestUsers.as(interior))).andExpect(status().isForbidden());
        mvc.perform(post(path + "/add").with(TestUsers.as(interior)).with(csrf())
                .param("addMinistry", String.valueOf(added.ministryId())).param("objectives", "2")
                .param("addReason", "x")).andExpect(status().isForbidden());
        mvc.perform(get(path).with(TestUsers.as(users.coordinator("GHA")))).andExpect(status().isNotFound());
        mvc.perform(post(path + "/remove").with(TestUsers.as(users.coordinator("GHA"))).with(csrf())
                .param("removeMinistry", String.valueOf(labour.ministryId())).param("removeReason", "x"))
                .andExpect(status().isNotFound());

        // an objective and a reason are required; nothing changes without them
        String refused = mvc.perform(post(path + "/add").with(TestUsers.as(coordinator)).with(csrf())
                        .param("addMinistry", String.valueOf(added.ministryId())).param("addReason", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"error-summary\"", "href=\"#objectives\"", "href=\"#addReason\"");
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isOne();

        mvc.perform(post(path + "/add").with(TestUsers.as(coordinator)).with(csrf())
                        .param("addMinistry", String.valueOf(added.ministryId())).param("objectives", "2")
                        .param("addReason", "Migration data sits with this ministry now."))
                .andExpect(redirectedUrl(path));
        Task addedTask = cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "PEOPLEADDED"));
        assertThat(addedTask.getDueDate()).isNotNull();
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ? and ministry_id = ?"
                + " and objective_number = 2", cycleId, added.ministryId())).isOne();
        mvc.perform(get("/tasks/" + addedTask.getId()).with(TestUsers.as(added))).andExpect(status().isOk());

        mvc.perform(post(path + "/remove").with(TestUsers.as(coordinator)).with(csrf())
                        .param("removeMinistry", String.valueOf(interior.ministryId()))
                        .param("removeReason", "Interior withdrew from the review."))
                .andExpect(redirectedUrl(path));
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).as("Interior's branch ended").isOne();
        assertThat(cycles.count("select count(*) from ministry_assignment where cycle_id = ? and ministry_id = ?",
                cycleId, interior.ministryId())).isZero();
        assertThat(cycles.count("select count(*) from contribution where cycle_id = ? and ministry_id = ?",
                cycleId, interior.ministryId())).as("what it drafted is kept").isOne();
        assertThat(cycles.count("select count(*) from audit_event where action in ('CYCLE_MINISTRY_ADDED',"
                + " 'CYCLE_MINISTRY_REMOVED') and subject_type = 'cycle_ministry_change' and subject_id in"
                + " (select cast(id as varchar) from cycle_ministry_change where cycle_id = ?)", cycleId)).isEqualTo(2);
        assertThat(mvc.perform(get("/cycles/" + cycleId).with(TestUsers.as(coordinator))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Migration data sits with this ministry now.", "Interior withdrew from the review.");

        cycles.submitContributions(cycleId, added, "The added ministry's part");
        cycles.writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");
        // ministries change only while they draft
        mvc.perform(post(path + "/remove").with(TestUsers.as(coordinator)).with(csrf())
                        .param("removeMinistry", String.valueOf(labour.ministryId())).param("removeReason", "late"))
                .andExpect(status().isBadRequest());
        cycles.skipConsultation(cycleId, false);

        // who signs off follows the change: Labour and the added ministry, not Interior
        assertThat(cycles.openTasks(cycleId, "SignOffReport")).isEqualTo(2);
        for (CurrentUser ministry : List.of(labour, added)) {
            Task signOff = cycles.task(cycleId, "SignOffReport",
                    CandidateGroups.ministry("KEN", ministry.ministryCode()));
            mvc.perform(post("/tasks/" + signOff.getId()).with(TestUsers.as(ministry)).with(csrf())
                    .param("action", "approve")).andExpect(status().is3xxRedirection());
        }
        assertThat(cycles.openTasks(cycleId, "EndorseFinalReport")).isOne();
    }
}
