package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.3 and 14.8 through the real processes and forms: a round closed mid-flight, no regional round when
 * submitting, no IMRF edition. Each ends in a task the coordinator acts on (choose an open round or wait), never in
 * an incident, and nothing is lost (the confirmed cover note still goes). Another country's coordinator cannot
 * see or act on the task (the task endpoint answers 403 to a user outside the task's candidate groups).
 */
@ApplicationTest
class HandoverChoicesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    Submissions submissions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser kenya;

    @BeforeEach
    void setUp() {
        kenya = users.coordinator("KEN");
    }

    @Test
    void aRoundClosedMidFlightAsksTheCoordinatorAndWaitingGoesOnWhenARoundOpens() throws Exception {
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle cycle = fixtures.cycleInRounds(kenya, round);
        ReviewFixtures.Frozen frozen = fixtures.frozenReviewAt(cycle, "SendToRegionalReview");
        ProcessInstance national = frozen.national();
        submissions.saveHandover(cycle.id(), frozen.version().id(), "Our cover note.", kenya.id());
        List<Long> reopen = fixtures.closeOpenRounds("REGIONAL", "ECA");
        try {
            fixtures.runJob(national.getId(), "SendToRegionalReview");

            assertThat(fixtures.incidents(national.getId())).isZero();
            assertThat(submissions.latest(cycle.id(), RoundKind.REGIONAL)).isEmpty();
            Task choice = fixtures.task(national.getId(), "ChooseRegionalRound");
            mvc.perform(get("/tasks/" + choice.getId()).with(as(kenya)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("could not go to the regional review")))
                    .andExpect(content().string(not(containsString(round.code()))));
            mvc.perform(get("/tasks/" + choice.getId()).with(as(users.coordinator("GHA"))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/tasks/" + choice.getId()).with(as(users.coordinator("GHA"))).with(csrf())
                            .param("round", "wait"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/tasks/" + choice.getId()).with(as(kenya)).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Choose a round, or choose to wait.")));
            mvc.perform(post("/tasks/" + choice.getId()).with(as(kenya)).with(csrf())
                            .param("round", String.valueOf(round.id())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("This round is not open any more.")));

            mvc.perform(post("/tasks/" + choice.getId()).with(as(kenya)).with(csrf()).param("round", "wait"))
                    .andExpect(redirectedUrl("/tasks"));
            Job recheck = waitTimer(national, "WaitForRegionalRound");
            assertThat(recheck.getDuedate()).as("the daily re-check").isAfter(new Date());

            // the administrator adds the commission's next round: the waiting review checks again now
            String code = "ECA-W" + UUID.randomUUID().toString().substring(0, 6);
            addRound("REGIONAL", "ECA", code);
            assertThat(waitTimer(national, "WaitForRegionalRound").getDuedate()).isBeforeOrEqualTo(new Date());
            fixtures.runJob(national.getId(), "WaitForRegionalRound");
            fixtures.runJob(national.getId(), "SendToRegionalReview");

            Submission sent = submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow();
            assertThat(new ReviewRounds(jdbc).findById(sent.roundId()).orElseThrow().code()).isEqualTo(code);
            assertThat(sent.coverNote()).as("nothing lost: the coordinator's cover note goes with it")
                    .isEqualTo("Our cover note.");
            assertThat(sent.reportVersionId()).isEqualTo(frozen.version().id());
            assertThat(fixtures.incidents(national.getId())).isZero();
            assertThat(audit(cycle, "REGIONAL_ROUND_WAITING")).isEqualTo(1);
        } finally {
            fixtures.reopen(reopen);
        }
    }

    @Test
    void noImrfEditionAsksTheCoordinatorWhoChoosesTheEditionAddedMeanwhile() throws Exception {
        List<Long> reopen = fixtures.closeOpenRounds("IMRF", null);
        try {
            ReviewCycle cycle = fixtures.cycle(kenya);
            ProcessInstance national = fixtures.frozenReviewAt(cycle, "SendToImrf").national();

            fixtures.runJob(national.getId(), "SendToImrf");

            assertThat(fixtures.incidents(national.getId())).isZero();
            Task choice = fixtures.task(national.getId(), "ChooseImrfEdition");
            mvc.perform(get("/tasks/" + choice.getId()).with(as(kenya)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("could not go to the IMRF")));
            mvc.perform(get("/tasks/" + choice.getId()).with(as(users.coordinator("GHA"))))
                    .andExpect(status().isForbidden());

            String code = "IMRF-W" + UUID.randomUUID().toString().substring(0, 6);
            addRound("IMRF", null, code);
            ReviewRound edition = new ReviewRounds(jdbc).findByCode(code).orElseThrow();
            mvc.perform(get("/tasks/" + choice.getId()).with(as(kenya)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("value=\"" + edition.id() + "\"")));
            mvc.perform(post("/tasks/" + choice.getId()).with(as(kenya)).with(csrf())
                            .param("round", String.valueOf(edition.id())))
                    .andExpect(redirectedUrl("/tasks"));
            assertThat(cycles.findById(cycle.id()).orElseThrow().imrfRoundId()).isEqualTo(edition.id());
            fixtures.runJob(national.getId(), "SendToImrf");

            Submission atImrf = submissions.latest(cycle.id(), RoundKind.IMRF).orElseThrow();
            assertThat(atImrf.roundId()).isEqualTo(edition.id());
            assertThat(fixtures.incidents(national.getId())).isZero();
            assertThat(audit(cycle, "IMRF_ROUND_CHOSEN")).isEqualTo(1);
        } finally {
            fixtures.reopen(reopen);
        }
    }

    /** Issue 14.3 fix: a closed round waiting for its late countries is not left waiting by one that withdraws. */
    @Test
    void aLateAcceptedCountryWithdrawnWhileAnsweringLetsTheClosedRoundEnd() throws Exception {
        CurrentUser eca = users.regionalSecretariat("ECA");
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle cycle = fixtures.cycleInRounds(kenya, round);
        ProcessInstance national = fixtures.frozenReviewAt(cycle, "SendToRegionalReview").national();
        fixtures.linkNationalReview(cycle, national);
        fixtures.runJob(national.getId(), "SendToRegionalReview");
        String regional = fixtures.roundInstance(round);
        long submissionId = submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow().id();
        Task review = fixtures.task(regional, "ReviewSubmission");
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", "clarify")
                        .param("message", "Please give figures for objective 2."))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(regional, "RequestClarification");
        assertThat(fixtures.task(national.getId(), "AnswerClarification")).isNotNull();
        mvc.perform(post("/tasks/" + fixtures.task(regional, "PrepareRegionalSynthesis").getId()).with(as(eca))
                        .with(csrf()).param("action", "close").param("confirm", "yes")
                        .param("decision-" + submissionId, "late"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(fixtures.waitingAt(regional, "LateReviewsSettled")).as("the closed round waits for Kenya")
                .isEqualTo(1);

        mvc.perform(post("/cycles/" + cycle.id() + "/withdraw").with(as(kenya)).with(csrf())
                        .param("reason", "The government withdraws the report."))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        fixtures.runJob(national.getId(), "TellRoundsOfWithdrawal");

        assertThat(fixtures.isRunning(regional)).as("the round's process ended").isFalse();
        assertThat(fixtures.incidents(national.getId())).isZero();
    }

    private Job waitTimer(ProcessInstance national, String activityId) {
        return fixtures.timer(national.getId(), activityId);
    }

    private void addRound(String kind, String commission, String code) throws Exception {
        var request = post("/admin/rounds").with(as(users.admin())).with(csrf()).param("kind", kind)
                .param("code", code).param("cycle", code.substring(code.indexOf('-') + 1))
                .param("name", "Round " + code)
                .param("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
        if (commission != null) {
            request = request.param("commission", commission);
        }
        mvc.perform(request).andExpect(redirectedUrl("/admin/rounds"));
    }

    private int audit(ReviewCycle cycle, String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject_type = 'review_cycle' "
                + "and subject_id = ?").params(action, String.valueOf(cycle.id())).query(Integer.class).single();
    }
}
