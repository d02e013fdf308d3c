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

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.2: the secretariat's clarification asks for an answer date (today + gcm.clarification.period by
 * default, never in the past), and the coordinator's answer task is due that day, reminded before it.
 */
@ApplicationTest
class ClarificationAnswerDateTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ReportVersions versions;
    @Autowired
    Submissions submissions;
    @Autowired
    ManagementService management;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    @Test
    void theAnswerTaskIsDueOnTheDateTheSecretariatAskedFor() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser eca = users.regionalSecretariat("ECA");
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        ReportVersion first = versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "PublicationAndHandoverFork");
        mvc.perform(post("/tasks/" + fixtures.task(national.getId(), "SubmitToRegionalReview").getId())
                        .with(as(coordinator)).with(csrf()).param("versionId", String.valueOf(first.id()))
                        .param("coverNote", "Our report.").param("confirm", "yes").param("action", "submit"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "SendToRegionalReview");
        String regional = fixtures.roundInstance(round);
        Task review = fixtures.task(regional, "ReviewSubmission");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // proposed: today plus the clarification period (14 days)
        mvc.perform(get("/tasks/" + review.getId()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"answerBy\"")))
                .andExpect(content().string(containsString("value=\"" + today.plusDays(14) + "\"")));
        // refused in the past, or not a date; nothing is stored or sent
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", "clarify")
                        .param("message", "Please give figures for objective 2.")
                        .param("answerBy", today.minusDays(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The answer date cannot be in the past.")));
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", "clarify")
                        .param("message", "Please give figures for objective 2.").param("answerBy", "next week"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter the answer date as a date")));
        assertThat(submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow().status())
                .isEqualTo(SubmissionStatus.SUBMITTED);

        LocalDate answerBy = today.plusDays(30);
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", "clarify")
                        .param("message", "Please give figures for objective 2.")
                        .param("answerBy", answerBy.toString()))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(regional, "RequestClarification");

        Date due = Date.from(answerBy.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC));
        Task answer = fixtures.task(national.getId(), "AnswerClarification");
        assertThat(answer.getDueDate()).isEqualTo(due);
        assertThat(management.createJobQuery().processInstanceId(national.getId()).timers()
                .activityId("ClarificationReminderTimer").singleResult().getDuedate())
                .as("reminded three days before").isEqualTo(Date.from(due.toInstant().minusSeconds(3 * 86_400)));
        assertThat(management.createJobQuery().processInstanceId(national.getId()).timers()
                .activityId("ClarificationOverdueTimer").singleResult().getDuedate()).isEqualTo(due);
    }
}
