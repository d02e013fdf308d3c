package org.gcmreview.signoff;

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

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.identity.UserAccountRepository;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.4: a country switches validation by its government on through the real forms, names a member of the
 * government group, and each endorsed version then goes to that group, which validates it or returns it for
 * revision; the decision (who, when, why) shows on the cycle page. Botswana's own data: no other test's country
 * gets the validation step.
 */
@ApplicationTest
class GovernmentValidationTest {

    static final String COUNTRY = "BWA";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ReportVersions versions;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    TestUsers users;
    @Autowired
    UserAccountRepository accounts;

    CurrentUser coordinator;
    CurrentUser cabinet;
    CurrentUser otherMinistry;

    @BeforeEach
    void setUp() throws Exception {
        coordinator = users.coordinator(COUNTRY);
        cabinet = users.ministry(COUNTRY, "CABINET");
        otherMinistry = users.ministry(COUNTRY, "INTERIOR");
        // the coordinator switches it on (a name is required) and names the cabinet's account a member
        mvc.perform(get("/country/government-validation").with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"member-" + cabinet.id() + "\"")));
        mvc.perform(post("/country/government-validation").with(as(coordinator)).with(csrf()).param("action", "on")
                        .param("groupName", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Name the government group to switch validation on.")));
        mvc.perform(post("/country/government-validation").with(as(coordinator)).with(csrf()).param("action", "on")
                        .param("groupName", "Cabinet Office"))
                .andExpect(redirectedUrl("/country/government-validation"));
        // another country's coordinator does not find Botswana's accounts
        mvc.perform(post("/country/government-validation/members/" + cabinet.id()).with(as(users.coordinator("GHA")))
                        .with(csrf()).param("member", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/country/government-validation/members/" + cabinet.id()).with(as(coordinator)).with(csrf())
                        .param("member", "true"))
                .andExpect(redirectedUrl("/country/government-validation"));
        cabinet = accounts.findById(cabinet.id()).orElseThrow();
        assertThat(cabinet.governmentMember()).isTrue();
        assertThat(cabinet.candidateGroups()).contains("government-" + COUNTRY);
        assertThat(audit("GOVERNMENT_VALIDATION_ON")).isPositive();
        assertThat(audit("GOVERNMENT_MEMBER_ADDED")).isPositive();
    }

    @AfterEach
    void switchOff() throws Exception {
        mvc.perform(post("/country/government-validation").with(as(coordinator)).with(csrf()).param("action", "off"))
                .andExpect(redirectedUrl("/country/government-validation"));
        assertThat(jdbc.sql("select count(*) from government_validation where country_iso3 = ?").param(COUNTRY)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theGovernmentValidatesTheEndorsedReport() throws Exception {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        ProcessInstance national = endorsed(cycle);
        Task validate = fixtures.task(national.getId(), "ValidateReport");
        assertThat(validate).as("the endorsement offers the report to the government group").isNotNull();

        // in the member's tasks, not in another ministry's; another country's coordinator cannot open it
        mvc.perform(get("/tasks").with(users.signedInNow(cabinet)))
                .andExpect(content().string(containsString("href=\"/tasks/" + validate.getId() + "\"")));
        mvc.perform(get("/tasks").with(as(otherMinistry)))
                .andExpect(content().string(not(containsString("/tasks/" + validate.getId()))));
        mvc.perform(get("/tasks/" + validate.getId()).with(as(users.coordinator("GHA"))))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/tasks/" + validate.getId()).with(users.signedInNow(cabinet))).andExpect(status().isOk());

        mvc.perform(post("/tasks/" + validate.getId()).with(users.signedInNow(cabinet)).with(csrf()).param("action", "approve"))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("select decision || ' ' || decided_by || ' ' || group_name from government_decision "
                + "where cycle_id = ?").param(cycle.id()).query(String.class).single())
                .isEqualTo("VALIDATED " + cabinet.username() + " Cabinet Office");
        assertThat(fixtures.task(national.getId(), "PublishEndorsedReport")).as("goes on to publication").isNotNull();
        mvc.perform(get("/cycles/" + cycle.id()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"government-decisions\"")))
                .andExpect(content().string(containsString(">validated<")));
    }

    @Test
    void theGovernmentReturnsTheReportForRevision() throws Exception {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        ProcessInstance national = endorsed(cycle);
        Task validate = fixtures.task(national.getId(), "ValidateReport");

        mvc.perform(post("/tasks/" + validate.getId()).with(users.signedInNow(cabinet)).with(csrf()).param("action", "return"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from government_decision where cycle_id = ?").param(cycle.id())
                .query(Integer.class).single()).as("nothing stored on error").isZero();
        mvc.perform(post("/tasks/" + validate.getId()).with(users.signedInNow(cabinet)).with(csrf()).param("action", "return")
                        .param("reason", "Objective 2 needs the 2024 figures."))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(jdbc.sql("select decision || ': ' || comment from government_decision where cycle_id = ?")
                .param(cycle.id()).query(String.class).single())
                .isEqualTo("RETURNED: Objective 2 needs the 2024 figures.");
        assertThat(fixtures.task(national.getId(), "ReviseRequestedSections")).as("back to the coordinator")
                .isNotNull();
        mvc.perform(get("/cycles/" + cycle.id()).with(as(coordinator)))
                .andExpect(content().string(containsString(">returned for revision<")))
                .andExpect(content().string(containsString("Objective 2 needs the 2024 figures.")));
    }

    /** The cycle's report frozen, and endorsed by the coordinator through the form. */
    private ProcessInstance endorsed(ReviewCycle cycle) throws Exception {
        ReportVersion version = versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "EndorseFinalReport");
        runtime.setVariable(national.getId(), "reportVersionId", version.id());
        Task endorse = fixtures.task(national.getId(), "EndorseFinalReport");
        mvc.perform(post("/tasks/" + endorse.getId()).with(as(coordinator)).with(csrf()).param("action", "endorse"))
                .andExpect(redirectedUrl("/tasks"));
        return national;
    }

    private int audit(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and country_iso3 = ?")
                .params(action, COUNTRY).query(Integer.class).single();
    }
}
