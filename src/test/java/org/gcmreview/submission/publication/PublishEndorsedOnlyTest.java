package org.gcmreview.submission.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleStatus;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.RoundKind;
import org.gcmreview.submission.Submissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.3 and 14.4: the coordinator publishes as a step of its own, and what is published, sent to a round and
 * shown to the public is always the version endorsed last. After a clarification changed the text, the earlier
 * endorsed version is not published in its place, and a newer version is public only once it is endorsed.
 */
@ApplicationTest
class PublishEndorsedOnlyTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewCycles cycles;
    @Autowired
    ReportVersions versions;
    @Autowired
    Submissions submissions;
    @Autowired
    RuntimeService runtimeService;
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
    void onlyTheVersionEndorsedLastIsPublishedAndSent() throws Exception {
        ReviewCycle cycle = fixtures.cycleInRounds(kenya);
        ReviewFixtures.Frozen frozen = fixtures.frozenReviewAt(cycle, "PublishEndorsedReport");
        ReportVersion v1 = frozen.version();
        ProcessInstance national = frozen.national();
        Task publication = fixtures.task(national.getId(), "PublishEndorsedReport");
        mvc.perform(get("/tasks/" + publication.getId()).with(as(users.coordinator("GHA"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + publication.getId()).with(as(kenya)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(v1.sha256())));

        // a clarification changed the text: version 2 is frozen, not endorsed yet
        changeText(cycle, "Changed after the clarification.");
        ReportVersion v2 = versions.freeze(cycle.id());
        mvc.perform(get("/tasks/" + publication.getId()).with(as(kenya)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A newer text of the report")));
        mvc.perform(post("/tasks/" + publication.getId()).with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v1.id())).param("confirm", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("A newer text of the report")));
        assertThat(fixtures.task(national.getId(), "PublishEndorsedReport")).as("not published").isNotNull();

        fixtures.endorseLatest(cycle);
        mvc.perform(post("/tasks/" + publication.getId()).with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v1.id())).param("confirm", "yes"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Version 2 was endorsed while you were on this page")));
        mvc.perform(post("/tasks/" + publication.getId()).with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v2.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please confirm that this endorsed version")));
        mvc.perform(post("/tasks/" + publication.getId()).with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v2.id())).param("confirm", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "PublishReport");
        assertThat(cycles.findById(cycle.id()).orElseThrow().status()).isEqualTo(CycleStatus.PUBLISHED);
        mvc.perform(get("/published/" + cycle.businessKey() + ".json"))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-SHA256", v2.sha256()));

        // yet another change, frozen and not endorsed: the public still sees version 2, and nothing else is sent
        changeText(cycle, "A third text nobody endorsed.");
        ReportVersion v3 = versions.freeze(cycle.id());
        mvc.perform(get("/published/" + cycle.businessKey() + ".json"))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-SHA256", v2.sha256()));
        mvc.perform(get("/published/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(v3.sha256()))))
                .andExpect(content().string(not(containsString("A third text nobody endorsed."))));
        ProcessInstance handover = runtimeService.createProcessInstanceByKey("national-review")
                .businessKey(cycle.businessKey())
                .setVariables(Map.of("countryIso3", "KEN", "cycleId", cycle.id(),
                        "coordinatorGroup", CandidateGroups.coordinator("KEN")))
                .startBeforeActivity("SendToRegionalReview").execute();
        fixtures.runJob(handover.getId(), "SendToRegionalReview");
        assertThat(submissions.latest(cycle.id(), RoundKind.REGIONAL).orElseThrow().reportVersionId())
                .as("the secretariat gets the endorsed version").isEqualTo(v2.id());
        assertThat(fixtures.incidents(handover.getId())).isZero();
    }

    private void changeText(ReviewCycle cycle, String body) {
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 1")
                .params(body, cycle.id()).update();
    }
}
