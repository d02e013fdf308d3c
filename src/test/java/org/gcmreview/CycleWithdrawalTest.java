package org.gcmreview;

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

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.SubmissionStatus;
import org.gcmreview.submission.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.5 through the application: the coordinator withdraws a cycle (confirmation page, reason, audit), which
 * ends its tasks, closes its consultation with a public notice and withdraws its open submissions; an administrator
 * reopens it where it stopped.
 */
@ApplicationTest
class CycleWithdrawalTest {

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
    @Autowired
    CycleFixture fixture;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
    }

    @Test
    void aSubmittedCycleIsWithdrawnWithItsSubmissionAndReopenedByAnAdministrator() throws Exception {
        ReviewCycle cycle = fixtures.cycleInRounds(coordinator);
        ReviewFixtures.Frozen frozen = fixtures.frozenReviewAt(cycle, "SubmitToRegionalReview");
        ReportVersion version = frozen.version();
        ProcessInstance national = frozen.national();
        fixtures.linkNationalReview(cycle, national);
        mvc.perform(post("/tasks/" + fixtures.task(national.getId(), "SubmitToRegionalReview").getId())
                        .with(as(coordinator)).with(csrf()).param("versionId", String.valueOf(version.id()))
                        .param("confirm", "yes").param("action", "submit").param("answerschecked", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "SendToRegionalReview");
        long submissionId = submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow().id();

        mvc.perform(get("/cycles/" + cycle.id()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/cycles/" + cycle.id() + "/withdraw\"")));
        mvc.perform(get("/cycles/" + cycle.id() + "/withdraw").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Withdrawing ends the review cycle " + cycle.businessKey())));
        mvc.perform(post("/cycles/" + cycle.id() + "/withdraw").with(as(coordinator)).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the reason")));
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.SUBMITTED);

        mvc.perform(post("/cycles/" + cycle.id() + "/withdraw").with(as(coordinator)).with(csrf())
                        .param("reason", "The new government will report next year."))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));

        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.WITHDRAWN);
        assertThat(submissions.find(submissionId).orElseThrow().status()).isEqualTo(SubmissionStatus.WITHDRAWN);
        assertThat(fixtures.openTasks(national.getId())).isZero();
        assertThat(audited("CYCLE_WITHDRAWN", cycle.countryIso3())).contains("The new government will report next year.")
                .contains("SUBMITTED");
        assertThat(audited("SUBMISSION_WITHDRAWN", cycle.countryIso3())).isNotNull();
        // the rounds are told in a job of their own; no round model waiting for it is no failure
        fixtures.runJob(national.getId(), "TellRoundsOfWithdrawal");
        assertThat(fixtures.isRunning(national.getId())).isFalse();
        assertThat(fixtures.incidents(national.getId())).isZero();
        mvc.perform(get("/cycles/" + cycle.id()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The new government will report next year.")))
                .andExpect(content().string(not(containsString("/withdraw\""))));
        mvc.perform(post("/cycles/" + cycle.id() + "/withdraw").with(as(coordinator)).with(csrf())
                        .param("reason", "Twice"))
                .andExpect(status().isConflict());

        CurrentUser admin = users.admin();
        mvc.perform(get("/admin/withdrawn-cycles").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(cycle.businessKey())))
                .andExpect(content().string(containsString("The new government will report next year.")));
        mvc.perform(post("/admin/withdrawn-cycles/" + cycle.id() + "/reopen").with(as(admin)).with(csrf())
                        .param("reason", ""))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/admin/withdrawn-cycles/" + cycle.id() + "/reopen").with(as(admin)).with(csrf())
                        .param("reason", "Withdrawn by mistake: the minister confirmed the report."))
                .andExpect(redirectedUrl("/admin/withdrawn-cycles"));

        ReviewCycle reopened = cycles.findById(cycle.id()).orElseThrow();
        assertThat(reopened.processInstanceId()).isNotEqualTo(national.getId());
        assertThat(reopened.status()).isEqualTo(CycleStatus.READY_TO_SUBMIT);
        assertThat(fixtures.task(reopened.processInstanceId(), "SubmitToRegionalReview").getTenantId())
                .isEqualTo("KEN");
        assertThat(audited("CYCLE_REOPENED", cycle.countryIso3())).contains("Withdrawn by mistake");
        assertThat(submissions.find(submissionId).orElseThrow().status()).as("what was withdrawn stays on record")
                .isEqualTo(SubmissionStatus.WITHDRAWN);
        mvc.perform(get("/admin/withdrawn-cycles").with(as(admin)))
                .andExpect(content().string(not(containsString(cycle.businessKey()))));
    }

    @Test
    void anOpenConsultationClosesWithAPublicNotice() throws Exception {
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        long cycleId = fixture.reachConsolidation(coordinator, interior);
        fixture.writeAndSend(cycleId, "ConsolidateReport", coordinator, "(consolidated)");
        ProcessInstance consultation = fixture.consultation(cycleId);
        fixtures.runJob(consultation.getId(), "WindowOpensTimer");
        String businessKey = fixture.businessKey(cycleId);

        mvc.perform(post("/cycles/" + cycleId + "/withdraw").with(as(coordinator)).with(csrf())
                        .param("reason", "Elections were called."))
                .andExpect(redirectedUrl("/cycles/" + cycleId));

        assertThat(fixtures.isRunning(consultation.getId())).as("the called consultation ended with the review")
                .isFalse();
        assertThat(jdbc.sql("select status from consultation_window where cycle_id = ?").param(cycleId)
                .query(String.class).single()).isEqualTo("CLOSED");
        mvc.perform(get("/consultations/" + businessKey))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("withdrew this review")))
                .andExpect(content().string(containsString("Elections were called.")));
    }

    private String audited(String action, String iso3) {
        return jdbc.sql("""
                select details from audit_event where action = ? and country_iso3 = ? order by id desc limit 1""")
                .params(action, iso3).query(String.class).optional().orElse(null);
    }
}
