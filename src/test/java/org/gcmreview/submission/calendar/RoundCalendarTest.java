package org.gcmreview.submission.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.RoundProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The review calendar: ADMIN lists, creates and edits rounds; the rules of the calendar; nobody else gets in. */
@ApplicationTest
class RoundCalendarTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewRounds rounds;
    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TestUsers users;

    CurrentUser admin;
    String cycle;

    @BeforeEach
    void setUp() {
        admin = users.admin();
        cycle = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void onlyAdminReachesTheCalendar() throws Exception {
        mvc.perform(get("/admin/rounds")).andExpect(redirectedUrlPattern("**/login"));
        for (CurrentUser other : List.of(users.coordinator("KEN"), users.regionalSecretariat("ECA"),
                users.imrfSecretariat())) {
            mvc.perform(get("/admin/rounds").with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/rounds/new").with(as(other))).andExpect(status().isForbidden());
            mvc.perform(create("REGIONAL", "ECA", "ECA-" + cycle, cycle, LocalDate.now().plusDays(30)).with(as(other)))
                    .andExpect(status().isForbidden());
        }
        assertThat(rounds.findByCode("ECA-" + cycle)).isEmpty();
        mvc.perform(get("/admin/rounds").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ECA-2026")))
                .andExpect(content().string(containsString("IMRF-2026")));
    }

    @Test
    void anAdminCreatesARegionalRoundAndAnImrfEdition() throws Exception {
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(90);
        mvc.perform(create("REGIONAL", "ESCWA", "ESCWA-" + cycle, cycle, deadline).with(as(admin)))
                .andExpect(redirectedUrl("/admin/rounds"));
        // an IMRF edition ignores a commission chosen by mistake
        mvc.perform(create("IMRF", "ECA", "IMRF-" + cycle, cycle, deadline.plusDays(30)).with(as(admin)))
                .andExpect(redirectedUrl("/admin/rounds"));

        ReviewRound regional = rounds.findByCode("ESCWA-" + cycle).orElseThrow();
        assertThat(regional.kind()).isEqualTo(RoundKind.REGIONAL);
        assertThat(regional.commissionCode()).isEqualTo("ESCWA");
        assertThat(regional.cycleCode()).isEqualTo(cycle);
        assertThat(regional.submissionDeadline()).isEqualTo(deadline);
        ReviewRound imrf = rounds.findByCode("IMRF-" + cycle).orElseThrow();
        assertThat(imrf.kind()).isEqualTo(RoundKind.IMRF);
        assertThat(imrf.commissionCode()).isNull();
        mvc.perform(get("/admin/rounds").with(as(admin)))
                .andExpect(content().string(containsString("ESCWA-" + cycle)))
                .andExpect(content().string(containsString("IMRF-" + cycle)));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ROUND_CREATED' and subject_id in (?, ?)")
                .params(String.valueOf(regional.id()), String.valueOf(imrf.id())).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void theCalendarRulesAreEnforced() throws Exception {
        LocalDate future = LocalDate.now(ZoneOffset.UTC).plusDays(60);
        mvc.perform(create("REGIONAL", "ECE", "ECE-" + cycle, cycle, future).with(as(admin)))
                .andExpect(redirectedUrl("/admin/rounds"));

        // a regional round needs its commission
        mvc.perform(create("REGIONAL", "", "X-" + cycle, cycle, future).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A regional round needs its regional commission.")));
        // codes are unique, ignoring case
        mvc.perform(create("REGIONAL", "ECLAC", "ece-" + cycle.toLowerCase(), cycle, future).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("There is already a round with the code")));
        // one regional round per commission and cycle
        mvc.perform(create("REGIONAL", "ECE", "ECE2-" + cycle, cycle, future).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("ECE already has a regional round in the review cycle")));
        // the deadline of a new round lies in the future
        mvc.perform(create("REGIONAL", "ECLAC", "ECLAC-" + cycle, cycle, LocalDate.now(ZoneOffset.UTC))
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must be in the future")));
        mvc.perform(create("REGIONAL", "ECLAC", "ECLAC-" + cycle, cycle, null).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the deadline as a date")));
        // what was typed is kept on the re-rendered form
        mvc.perform(create("", "ECLAC", "bad code!", cycle, future).with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a regional round or an IMRF edition.")))
                .andExpect(content().string(containsString("The code needs 2 to 40 letters")))
                .andExpect(content().string(containsString("value=\"bad code!\"")));
        mvc.perform(post("/admin/rounds").with(as(admin)).param("kind", "IMRF").param("code", "Y-" + cycle)
                        .param("cycle", cycle).param("name", "No CSRF").param("deadline", future.toString()))
                .andExpect(status().isForbidden());

        assertThat(rounds.findByCode("ECLAC-" + cycle)).isEmpty();
        assertThat(rounds.findByCode("ECE2-" + cycle)).isEmpty();
        assertThat(rounds.findByCode("Y-" + cycle)).isEmpty();
    }

    @Test
    void editingMovesTheDeadlineAndTheRunningRoundsTimer() throws Exception {
        LocalDate deadline = LocalDate.now(ZoneOffset.UTC).plusDays(40);
        mvc.perform(create("REGIONAL", "ESCAP", "ESCAP-" + cycle, cycle, deadline).with(as(admin)))
                .andExpect(redirectedUrl("/admin/rounds"));
        ReviewRound round = rounds.findByCode("ESCAP-" + cycle).orElseThrow();
        String instance = roundProcesses.ensureRunning(round.id());

        mvc.perform(get("/admin/rounds/" + round.id() + "/edit").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + deadline + "\"")));
        mvc.perform(post("/admin/rounds/" + round.id()).with(as(admin)).with(csrf())
                        .param("name", "Moved").param("deadline", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("cannot be moved into the past")));

        LocalDate later = deadline.plusDays(21);
        mvc.perform(post("/admin/rounds/" + round.id()).with(as(admin)).with(csrf())
                        .param("name", "ESCAP review, extended").param("deadline", later.toString()))
                .andExpect(redirectedUrl("/admin/rounds"));

        ReviewRound moved = rounds.findById(round.id()).orElseThrow();
        assertThat(moved.name()).isEqualTo("ESCAP review, extended");
        assertThat(moved.submissionDeadline()).isEqualTo(later);
        assertThat(moved.code()).isEqualTo(round.code());
        Date expected = Date.from(moved.deadlinePassesAt());
        Job timer = managementService.createJobQuery().processInstanceId(instance)
                .activityId("SubmissionDeadlineTimer").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(expected);
        assertThat(runtimeService.getVariable(instance, "submissionDeadline")).isEqualTo(expected);

        // a closed round is history
        jdbc.sql("update review_round set closed_at = now() where id = ?").param(round.id()).update();
        mvc.perform(post("/admin/rounds/" + round.id()).with(as(admin)).with(csrf())
                        .param("name", "Again").param("deadline", later.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("closed")));
        runtimeService.deleteProcessInstance(instance, "test over");
        mvc.perform(get("/admin/rounds/999999999/edit").with(as(admin))).andExpect(status().isNotFound());
    }

    private static MockHttpServletRequestBuilder create(String kind, String commission, String code, String cycle,
            LocalDate deadline) {
        return post("/admin/rounds").with(csrf()).param("kind", kind).param("commission", commission)
                .param("code", code).param("cycle", cycle).param("name", "Round " + code)
                .param("deadline", deadline == null ? "" : deadline.toString());
    }
}
