package org.gcmreview.incident;

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

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.ReviewRound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.6: a failed job on a country's process shows, in plain words and without a stack trace, on the
 * coordinator's cycle page and on the administrator's page, both with a retry (audited); the secretariat's
 * workspace row says "needs attention".
 */
@ApplicationTest
class IncidentsVisibleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures reviews;

    FailedJobs failures;

    @BeforeEach
    void setUp() {
        failures = new FailedJobs(reviews, runtime, management);
    }

    @Test
    void theCoordinatorTheSecretariatAndTheAdministratorSeeAFailedStepAndMayRetryIt() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        FailedJobs.Failure failure = failures.newFailure(coordinator);
        ReviewRound round = reviews.regionalRound("ECA");
        jdbc.sql("update review_cycle set regional_round_id = ? where id = ?")
                .params(round.id(), failure.cycle().id()).update();

        mvc.perform(get("/cycles/" + failure.cycle().id()).with(as(coordinator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A step of this review failed")))
                .andExpect(content().string(containsString("Sending the report to the regional review.")))
                .andExpect(content().string(containsString("/incidents/" + failure.incidentId() + "/retry")))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("no frozen version"))));
        // a ministry of the country sees it too, without the button
        mvc.perform(get("/cycles/" + failure.cycle().id()).with(as(users.ministry("KEN", "INTERIOR"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sending the report to the regional review.")))
                .andExpect(content().string(not(containsString("/incidents/" + failure.incidentId() + "/retry"))));
        mvc.perform(get("/secretariat").param("round", round.code()).with(as(users.regionalSecretariat("ECA"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attention-KEN\"")));
        CurrentUser admin = users.admin();
        mvc.perform(get("/admin/incidents").with(as(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(failure.cycle().businessKey())))
                .andExpect(content().string(containsString("/admin/incidents/" + failure.incidentId() + "/retry")))
                .andExpect(content().string(not(containsString("IllegalStateException"))));

        // another country's coordinator cannot retry it; the country's coordinator can
        mvc.perform(post("/cycles/" + failure.cycle().id() + "/incidents/" + failure.incidentId() + "/retry")
                        .with(as(users.coordinator("GHA"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cycles/" + failure.cycle().id() + "/incidents/" + failure.incidentId() + "/retry")
                        .with(as(coordinator)).with(csrf()))
                .andExpect(redirectedUrl("/cycles/" + failure.cycle().id()));

        assertThat(management.createJobQuery().jobId(failure.jobId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().incidentId(failure.incidentId()).count()).isZero();
        assertThat(jdbc.sql("select actor from audit_event where action = 'INCIDENT_RETRIED' and subject_id = ?")
                .param(failure.processInstanceId()).query(String.class).list()).containsExactly(coordinator.username());
        mvc.perform(get("/cycles/" + failure.cycle().id()).with(as(coordinator)))
                .andExpect(content().string(not(containsString("A step of this review failed"))));
    }

    @Test
    void theAdministratorRetriesFromTheIncidentsPage() throws Exception {
        FailedJobs.Failure failure = failures.newFailure(users.coordinator("KEN"));
        CurrentUser admin = users.admin();
        mvc.perform(post("/admin/incidents/" + failure.incidentId() + "/retry").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/incidents"));
        assertThat(management.createJobQuery().jobId(failure.jobId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_event where action = 'INCIDENT_RETRIED' and subject_id = ?")
                .param(failure.processInstanceId()).query(String.class).list()).containsExactly(admin.username());
        // gone: nothing to retry any more
        mvc.perform(post("/admin/incidents/" + failure.incidentId() + "/retry").with(as(admin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/incidents").with(as(users.coordinator("KEN")))).andExpect(status().isForbidden());
    }
}
