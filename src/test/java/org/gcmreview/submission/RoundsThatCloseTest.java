package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.processes.RegionalReview;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.3 through the real processes and forms: a round closed while countries are between submission and
 * acknowledgement (each released or accepted late, explicitly), a report withdrawn while under review, and a
 * report ready for the IMRF while no edition is open. Each ends in a state someone can act on, with no incident.
 */
@ApplicationTest
class RoundsThatCloseTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    Submissions submissions;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser eca;

    @BeforeEach
    void setUp() {
        eca = users.regionalSecretariat("ECA");
    }

    @Test
    void aRoundClosedMidFlightReleasesOrKeepsEachCountryAsTheSecretariatDecides() throws Exception {
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewRound edition = fixtures.imrfEdition();
        // where a released report goes: the commission's open round whose deadline comes first
        // due today and the newest: the commission's open round with the nearest deadline, whatever rounds other
        // tests left open in the shared database
        ReviewRound next = fixtures.round("REGIONAL", "ECA", LocalDate.now(ZoneOffset.UTC));
        ReviewCycle kenya = fixtures.attach(fixtures.cycle(users.coordinator("KEN")), round, edition);
        ReviewCycle ghana = fixtures.attach(fixtures.cycle(users.coordinator("GHA")), round, edition);
        ReviewCycle nigeria = fixtures.attach(fixtures.cycle(users.coordinator("NGA")), round, edition);
        ProcessInstance kenyaNational = submit(kenya);
        ProcessInstance ghanaNational = submit(ghana);
        submit(nigeria);
        String regional = fixtures.roundInstance(round);
        long kenyaSubmission = latest(kenya).id();
        long ghanaSubmission = latest(ghana).id();
        long nigeriaSubmission = latest(nigeria).id();

        // Ghana was asked a question it has not answered yet; Nigeria is acknowledged; Kenya waits for review
        answer(review(regional, ghanaSubmission), "clarify", "Please give figures for objective 2.");
        fixtures.runJob(regional, "RequestClarification");
        answer(review(regional, nigeriaSubmission), "acknowledge", "");
        fixtures.runJob(regional, "AcknowledgeSubmission");

        Task synthesis = fixtures.task(regional, "PrepareRegionalSynthesis");
        mvc.perform(get("/tasks/" + synthesis.getId()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"decision-" + kenyaSubmission + "\"")))
                .andExpect(content().string(containsString("name=\"decision-" + ghanaSubmission + "\"")))
                .andExpect(content().string(not(containsString("name=\"decision-" + nigeriaSubmission + "\""))));
        // no silent closing: every country between submission and acknowledgement needs a decision
        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).param("action", "close")
                        .param("confirm", "yes").param("decision-" + ghanaSubmission, "late"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose whether to accept the report of Kenya late")));
        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).param("action", "close")
                        .param("confirm", "yes").param("decision-" + kenyaSubmission, "maybe")
                        .param("decision-" + ghanaSubmission, "late"))
                .andExpect(status().isBadRequest());
        assertThat(new ReviewRounds(jdbc).findById(round.id()).orElseThrow().closed()).isFalse();

        mvc.perform(post("/tasks/" + synthesis.getId()).with(as(eca)).with(csrf()).param("action", "close")
                        .param("confirm", "yes").param("note", "Synthesis sent.")
                        .param("decision-" + kenyaSubmission, "release")
                        .param("decision-" + ghanaSubmission, "late"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(new ReviewRounds(jdbc).findById(round.id()).orElseThrow().closed()).isTrue();
        assertThat(auditActions(kenyaSubmission)).contains("ROUND_CLOSING_RELEASED");
        assertThat(auditActions(ghanaSubmission)).contains("ROUND_CLOSING_ACCEPTED_LATE");

        // Kenya: its review ended, the country hears it as a question and takes the report to the open round
        assertThat(reviewTasks(regional)).isEmpty();
        fixtures.runJob(regional, "ReleaseSubmission");
        assertThat(submissions.find(kenyaSubmission).orElseThrow().status()).isEqualTo(SubmissionStatus.RELEASED);
        assertThat(cycles.findById(kenya.id()).orElseThrow().regionalRoundId()).isNull();
        Task kenyaAnswer = fixtures.task(kenyaNational.getId(), "AnswerClarification");
        mvc.perform(get("/tasks/" + kenyaAnswer.getId()).with(as(users.coordinator("KEN"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(round.code() + " closed before your report was reviewed")));
        mvc.perform(get("/secretariat").param("round", round.code()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-RELEASED\">1<")));
        answerClarification(kenyaAnswer, users.coordinator("KEN"));
        fixtures.runJob(kenyaNational.getId(), "SendToRegionalReview");
        Submission kenyaAgain = latest(kenya);
        assertThat(kenyaAgain.roundId()).isNotEqualTo(round.id());
        assertThat(new ReviewRounds(jdbc).findById(kenyaAgain.roundId()).orElseThrow().closed()).isFalse();
        assertThat(cycles.findById(kenya.id()).orElseThrow().regionalRoundId()).isEqualTo(kenyaAgain.roundId());
        assertThat(kenyaAgain.roundId()).as("the commission's open round with the nearest deadline")
                .isEqualTo(next.id());

        // Ghana: accepted late, its answer still reaches the closed round, which ends once Ghana is acknowledged
        assertThat(fixtures.waitingAt(regional, "LateReviewsSettled")).isEqualTo(1);
        answerClarification(fixtures.task(ghanaNational.getId(), "AnswerClarification"), users.coordinator("GHA"));
        fixtures.runJob(ghanaNational.getId(), "SendToRegionalReview");
        Submission ghanaAgain = latest(ghana);
        assertThat(ghanaAgain.roundId()).isEqualTo(round.id());
        answer(review(regional, ghanaAgain.id()), "acknowledge", "");
        fixtures.runJob(regional, "AcknowledgeSubmission");
        assertThat(submissions.find(ghanaAgain.id()).orElseThrow().status()).isEqualTo(SubmissionStatus.ACKNOWLEDGED);
        assertThat(fixtures.isRunning(regional)).isFalse();

        // nobody else gets into the closed round, and no cycle can be tied to it
        assertThatThrownBy(() -> roundProcesses.ensureRunning(round.id())).isInstanceOf(RoundClosedException.class);
        ReviewCycle another = fixtures.cycle(users.coordinator("UGA"));
        assertThatThrownBy(() -> jdbc.sql("update review_cycle set regional_round_id = ? where id = ?")
                .params(round.id(), another.id()).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("is closed");
        for (ProcessInstance national : List.of(kenyaNational, ghanaNational)) {
            assertThat(fixtures.incidents(national.getId())).isZero();
        }
        assertThat(fixtures.incidents(regional)).isZero();
    }

    @Test
    void aWithdrawnSubmissionLeavesTheSecretariatsTasksAndIsCountedApart() throws Exception {
        ReviewRound round = fixtures.regionalRound("ECA");
        ReviewCycle kenya = fixtures.cycleInRounds(users.coordinator("KEN"), round);
        submit(kenya);
        String regional = fixtures.roundInstance(round);
        long submissionId = latest(kenya).id();
        assertThat(reviewTasks(regional)).hasSize(1);

        // what the national side does when the country withdraws its cycle
        assertThat(runtimeService.createMessageCorrelation(RegionalReview.MESSAGE_SUBMISSION_WITHDRAWN)
                .processInstanceId(regional).localVariableEquals(RegionalReview.VAR_SUBMISSION_ID, submissionId)
                .correlateAllWithResult()).hasSize(1);

        assertThat(reviewTasks(regional)).isEmpty();
        assertThat(fixtures.timer(regional, RegionalReview.REVIEW_OVERDUE_TIMER)).isNull();
        assertThat(submissions.find(submissionId).orElseThrow().status()).isEqualTo(SubmissionStatus.WITHDRAWN);
        assertThat(auditActions(submissionId)).contains("SUBMISSION_REVIEW_ENDED_WITHDRAWN");
        mvc.perform(get("/secretariat").param("round", round.code()).with(as(eca)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-WITHDRAWN\">1<")))
                .andExpect(content().string(containsString("id=\"count-SUBMITTED\">0<")));
        assertThat(fixtures.incidents(regional)).isZero();
    }

    @Test
    void aReportReadyForTheImrfWaitsWhenNoEditionIsOpenAndGoesToTheNextOne() throws Exception {
        // no IMRF edition open anywhere, for the length of this test
        List<Long> reopen = fixtures.closeOpenRounds("IMRF", null);
        try {
            ReviewRound round = fixtures.regionalRound("ECA");
            ReviewCycle kenya = fixtures.cycle(users.coordinator("KEN"));
            jdbc.sql("update review_cycle set regional_round_id = ? where id = ?").params(round.id(), kenya.id())
                    .update();
            ProcessInstance national = fixtures.frozenReviewAt(kenya, "SendToImrf").national();

            fixtures.runJob(national.getId(), "SendToImrf");

            assertThat(fixtures.incidents(national.getId())).isZero();
            // issue 14.3: the coordinator chooses an open edition or waits (publication is a step of its own)
            Task choice = fixtures.task(national.getId(), "ChooseImrfEdition");
            assertThat(submissions.latest(kenya.id(), RoundKind.IMRF)).isEmpty();

            String cycleCode = "W" + UUID.randomUUID().toString().substring(0, 8);
            mvc.perform(post("/admin/rounds").with(as(users.admin())).with(csrf()).param("kind", "IMRF")
                            .param("code", "IMRF-" + cycleCode).param("cycle", cycleCode)
                            .param("name", "Forum " + cycleCode)
                            .param("deadline", LocalDate.now(ZoneOffset.UTC).plusDays(90).toString()))
                    .andExpect(redirectedUrl("/admin/rounds"));
            ReviewRound added = new ReviewRounds(jdbc).findByCode("IMRF-" + cycleCode).orElseThrow();
            mvc.perform(post("/tasks/" + choice.getId()).with(as(users.coordinator("KEN"))).with(csrf())
                            .param("round", String.valueOf(added.id())))
                    .andExpect(redirectedUrl("/tasks"));
            fixtures.runJob(national.getId(), "SendToImrf");

            Submission atImrf = submissions.latest(kenya.id(), RoundKind.IMRF).orElseThrow();
            ReviewRound edition = new ReviewRounds(jdbc).findByCode("IMRF-" + cycleCode).orElseThrow();
            assertThat(atImrf.roundId()).isEqualTo(edition.id());
            assertThat(atImrf.status()).isEqualTo(SubmissionStatus.SUBMITTED);
            assertThat(cycles.findById(kenya.id()).orElseThrow().imrfRoundId()).isEqualTo(edition.id());
            assertThat(fixtures.task(fixtures.roundInstance(edition), "RegisterImrfSubmission")).isNotNull();
            assertThat(jdbc.sql("select count(*) from imrf_waiting where cycle_id = ?").param(kenya.id())
                    .query(Integer.class).single()).isZero();
        } finally {
            fixtures.reopen(reopen);
        }
    }

    private ProcessInstance submit(ReviewCycle cycle) {
        ProcessInstance national = fixtures.frozenReviewAt(cycle, "SendToRegionalReview").national();
        fixtures.runJob(national.getId(), "SendToRegionalReview");
        return national;
    }

    private Submission latest(ReviewCycle cycle) {
        return submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow();
    }

    private List<Task> reviewTasks(String regional) {
        return taskService.createTaskQuery().processInstanceId(regional).taskDefinitionKey("ReviewSubmission").list();
    }

    private Task review(String regional, long submissionId) {
        return reviewTasks(regional).stream()
                .filter(task -> Long.valueOf(submissionId).equals(taskService.getVariable(task.getId(), "submissionId")))
                .findFirst().orElseThrow(() -> new AssertionError("no review of submission " + submissionId));
    }

    private void answer(Task review, String action, String message) throws Exception {
        mvc.perform(post("/tasks/" + review.getId()).with(as(eca)).with(csrf()).param("action", action)
                        .param("message", message))
                .andExpect(redirectedUrl("/tasks"));
    }

    private void answerClarification(Task task, CurrentUser coordinator) throws Exception {
        mvc.perform(post("/tasks/" + task.getId()).with(as(coordinator)).with(csrf())
                        .param("answer", "We take the report to the round that is open.").param("action", "answer"))
                .andExpect(redirectedUrl("/tasks"));
    }

    private List<String> auditActions(long submissionId) {
        return jdbc.sql("select action from audit_event where subject_type = 'submission' and subject_id = ?")
                .param(String.valueOf(submissionId)).query(String.class).list();
    }
}
