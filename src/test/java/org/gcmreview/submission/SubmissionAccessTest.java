package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who reaches the submission side: the secretariat workspace, a cycle before it was submitted, and the
 * coordinator's forms when what they saw is no longer current.
 */
@ApplicationTest
class SubmissionAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    ReviewCycles cycles;

    CurrentUser coordinator;
    ReviewCycle cycle;
    ReviewRound round;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
        round = fixtures.regionalRound("ECA");
        cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
    }

    @Test
    void theWorkspaceIsForSecretariatsOnly() throws Exception {
        mvc.perform(get("/secretariat")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/secretariat").with(as(coordinator))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").with(as(users.admin()))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").with(as(users.ministry("KEN", "INTERIOR")))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat").with(as(users.regionalSecretariat("ECA")))).andExpect(status().isOk());
        mvc.perform(get("/secretariat").with(as(users.imrfSecretariat()))).andExpect(status().isOk());
    }

    @Test
    void aSecretariatSeesACycleOnlyOnceItWasSubmittedToIt() throws Exception {
        CurrentUser eca = users.regionalSecretariat("ECA");
        mvc.perform(get("/secretariat/cycles/" + cycle.id()).with(as(eca))).andExpect(status().isForbidden());
        mvc.perform(get("/secretariat/cycles/" + cycle.id()).with(as(coordinator))).andExpect(status().isForbidden());
    }

    @Test
    void aVersionFrozenWhileTheCoordinatorLookedIsNotSubmittedUnseen() throws Exception {
        ReportVersion seen = versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "SubmitToRegionalReview");
        Task submit = fixtures.task(national.getId(), "SubmitToRegionalReview");
        versions.freeze(cycle.id());

        mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(seen.id())).param("confirm", "yes")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A newer version (2)")));
        assertThat(jdbc.sql("select count(*) from submission_handover where cycle_id = ?").param(cycle.id())
                .query(Integer.class).single()).isZero();
        mvc.perform(post("/tasks/" + submit.getId()).with(as(users.coordinator("GHA"))).with(csrf())
                        .param("versionId", String.valueOf(seen.id())).param("confirm", "yes")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aClosedRoundIsNeverTheTargetTheCoordinatorWaitsForAnOpenOne() throws Exception {
        ReportVersion version = versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "SubmitToRegionalReview");
        // the cycle's round closes, and (for now) the commission has no other open round
        jdbc.sql("update review_round set closed_at = now() where id = ?").param(round.id()).update();
        List<Long> others = jdbc.sql("""
                update review_round set closed_at = now()
                 where kind = 'REGIONAL' and commission_code = 'ECA' and closed_at is null returning id""")
                .query(Long.class).list();
        Task submit = fixtures.task(national.getId(), "SubmitToRegionalReview");
        try {
            mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                            .param("versionId", String.valueOf(version.id())).param("confirm", "yes")
                            .param("action", "submit").param("answerschecked", "yes"))
                    .andExpect(status().isBadRequest());
            assertThat(fixtures.task(national.getId(), "SubmitToRegionalReview")).as("the task waits").isNotNull();
        } finally {
            others.forEach(id -> jdbc.sql("update review_round set closed_at = null where id = ?").param(id).update());
        }

        // once the commission has an open round again, the report goes there, never to the closed one
        ReviewRound open = fixtures.round("REGIONAL", "ECA", java.time.LocalDate.now().plusDays(1));
        mvc.perform(post("/tasks/" + submit.getId()).with(as(coordinator)).with(csrf())
                        .param("versionId", String.valueOf(version.id())).param("confirm", "yes")
                        .param("action", "submit").param("answerschecked", "yes"))
                .andExpect(status().is3xxRedirection());
        Long tied = cycles.findById(cycle.id()).orElseThrow().regionalRoundId();
        assertThat(tied).isNotEqualTo(round.id());
        assertThat(new ReviewRounds(jdbc).findById(tied).orElseThrow().closed()).isFalse();
        assertThat(tied).isEqualTo(open.id());
    }

    @Test
    void aSectionChangedBySomeoneElseIsNotOverwrittenByTheClarificationAnswer() throws Exception {
        versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "AnswerClarification");
        Task answer = fixtures.task(national.getId(), "AnswerClarification");
        long objective1 = jdbc.sql("select id from report_section where cycle_id = ? and objective_number = 1")
                .param(cycle.id()).query(Long.class).single();
        // someone else saved objective 1 after the coordinator opened the form (lock version 0 -> 1)
        jdbc.sql("update report_section set body = 'Their text', lock_version = 1 where id = ?").param(objective1)
                .update();

        mvc.perform(post("/tasks/" + answer.getId()).with(as(coordinator)).with(csrf())
                        .param("answer", "Our answer to the question.")
                        .param("section-" + objective1, "My text").param("lock-" + objective1, "0")
                        .param("action", "answer"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("changed by someone else")));

        assertThat(jdbc.sql("select body from report_section where id = ?").param(objective1).query(String.class)
                .single()).isEqualTo("Their text");
        assertThat(versions.all(cycle.id())).hasSize(1);
    }
}
