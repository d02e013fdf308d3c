package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The rounds' own steps: the deadline notice, and closing a round or an IMRF edition. */
@ApplicationTest
class RoundTasksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void whenTheDeadlinePassesTheRoundRecordsHowManyCountriesSubmitted() {
        users.ensureCountry("KEN");
        ReviewRound round = fixtures.regionalRound("ECA");
        String instance = roundProcesses.ensureRunning(round.id());

        ClockUtil.setCurrentTime(Date.from(round.deadlinePassesAt().plus(1, ChronoUnit.MINUTES)));
        fixtures.runJob(instance, "SubmissionDeadlineTimer");
        fixtures.runJob(instance, "NotifySubmissionDeadlinePassed");

        String details = jdbc.sql("""
                select details from audit_event where action = 'SUBMISSION_DEADLINE_PASSED' and subject_id = ?""")
                .param(String.valueOf(round.id())).query(String.class).single();
        assertThat(details).startsWith("0 of ").contains("countries of ECA");
        // the round itself stays open for late reports
        assertThat(fixtures.task(instance, "PrepareRegionalSynthesis")).isNotNull();
    }

    @Test
    void aRoundIsNotClosedWhileASubmissionAwaitsReviewWithoutADecisionForIt() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser eca = users.regionalSecretariat("ECA");
        ReviewFixtures.RoundWithSubmission submitted = fixtures.roundWithSubmission(coordinator, "ECA");
        ReviewRound round = submitted.round();
        Task synthesis = submitted.synthesis();

        mvc.perform(get("/tasks/" + synthesis.getId()).with(as(users.regionalSecretariat("ESCAP"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).param("confirm", "yes")
                        .param("action", "close"))
                .andExpect(status().isBadRequest())
                // a country between submission and acknowledgement needs an explicit decision (issue 14.3)
                .andExpect(content().string(containsString("Choose whether to accept the report of Kenya late")));
        assertThat(new ReviewRounds(jdbc).findById(round.id()).orElseThrow().closed()).isFalse();
    }

    @Test
    void theImrfSecretariatClosesTheEdition() throws Exception {
        ReviewRound edition = fixtures.imrfEdition();
        String instance = roundProcesses.ensureRunning(edition.id());
        Task close = fixtures.task(instance, "CloseImrfEdition");

        mvc.perform(get("/tasks/" + close.getId()).with(as(users.regionalSecretariat("ECA"))))
                .andExpect(status().isForbidden());
        CurrentUser imrf = users.imrfSecretariat();
        mvc.perform(get("/tasks/" + close.getId()).with(as(imrf)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(edition.name())));
        mvc.perform(post("/tasks/" + close.getId()).with(as(imrf)).with(csrf()).param("action", "close")
                        .param("confirm", "yes"))
                .andExpect(redirectedUrl("/tasks"));

        ReviewRound closed = new ReviewRounds(jdbc).findById(edition.id()).orElseThrow();
        assertThat(closed.closed()).isTrue();
        assertThat(fixtures.isRunning(instance)).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ROUND_CLOSED' and subject_id = ?")
                .param(String.valueOf(edition.id())).query(Integer.class).single()).isOne();
    }
}
