package org.gcmreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.NationalReview;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Check your answers" cannot be bypassed (issue 16.5): submitting a contribution or sending the report on towards
 * sign-off by a direct post, without the field only the summary's form posts, is refused and sent to the summary;
 * nothing of the post is stored and the task stays open. From the summary it goes through.
 */
@ApplicationTest
class CheckAnswersStepTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aDirectSubmitOrSendIsSentToCheckYourAnswersAndStoresNothing() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, NationalReview.SCOPE_REVIEW).getId(), coordinator,
                java.util.List.of(interior.ministryId()), Map.of(1, interior.ministryId())))
                .andExpect(status().is3xxRedirection());
        String drafting = cycles.task(cycleId, NationalReview.DRAFT_CONTRIBUTION,
                CandidateGroups.ministry("KEN", interior.ministryCode())).getId();
        long contribution = jdbc.sql("select id from contribution where cycle_id = ?").param(cycleId)
                .query(Long.class).single();

        // a complete contribution posted straight to the task, with or without ?check=1 in the address
        for (String check : new String[] {null, "1"}) {
            MockHttpServletRequestBuilder direct = post("/tasks/" + drafting).with(TestUsers.as(interior)).with(csrf())
                    .param("action", "submit").param("version-" + contribution, "0")
                    .param("status-" + contribution, "IMPLEMENTED").param("body-" + contribution, "Bypassing.");
            if (check != null) {
                direct.param("check", check);
            }
            mvc.perform(direct).andExpect(redirectedUrl("/tasks/" + drafting + "?check=1"))
                    .andExpect(flash().attribute("flash",
                            "Check your answers before you submit your contribution. Nothing was submitted."));
        }
        assertThat(cycles.count("select count(*) from contribution where id = ? and body = '' and lock_version = 0"
                + " and submitted_at is null", contribution)).isOne();
        assertThat(cycles.count("select count(*) from audit_event where subject_id = ? and action in"
                + " ('CONTRIBUTION_SAVED', 'CONTRIBUTION_SUBMITTED')", String.valueOf(cycleId))).isZero();
        assertThat(cycles.openTasks(cycleId, NationalReview.DRAFT_CONTRIBUTION)).isOne();

        // the summary's form carries the field; from there (as the fixture posts it) the contribution goes
        String summary = mvc.perform(get("/tasks/" + drafting).param("check", "1").with(TestUsers.as(interior)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(summary).contains("<input type=\"hidden\" name=\"answerschecked\" value=\"yes\">");
        cycles.submitContributions(cycleId, interior, "Drafted and checked.");
        assertThat(cycles.openTasks(cycleId, NationalReview.DRAFT_CONTRIBUTION)).isZero();

        // the coordinator: sending the report on without the summary is refused the same way
        String consolidation = cycles.task(cycleId, NationalReview.CONSOLIDATE_REPORT).getId();
        MockHttpServletRequestBuilder send = post("/tasks/" + consolidation).with(TestUsers.as(coordinator))
                .with(csrf()).param("action", "send");
        jdbc.sql("select id, lock_version from report_section where cycle_id = ?").param(cycleId)
                .query((rs, row) -> send.param("body-" + rs.getLong(1), "Bypassing the check.")
                        .param("version-" + rs.getLong(1), rs.getString(2)).param("status-" + rs.getLong(1), "PLANNED"))
                .list();
        mvc.perform(send).andExpect(redirectedUrl("/tasks/" + consolidation + "?check=1"))
                .andExpect(flash().attribute("flash", "Check the report before you send it on. Nothing was sent."));
        assertThat(cycles.count("select count(*) from report_section where cycle_id = ? and body <> ''", cycleId))
                .isZero();
        assertThat(cycles.openTasks(cycleId, NationalReview.CONSOLIDATE_REPORT)).isOne();
        String reportSummary = mvc.perform(get("/tasks/" + consolidation).param("check", "1")
                .with(TestUsers.as(coordinator))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(reportSummary).contains("<input type=\"hidden\" name=\"answerschecked\" value=\"yes\">");
        cycles.writeAndSend(cycleId, NationalReview.CONSOLIDATE_REPORT, coordinator, "(checked)");
        assertThat(cycles.openTasks(cycleId, NationalReview.CONSOLIDATE_REPORT)).isZero();
    }
}
