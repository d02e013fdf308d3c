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

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14.4: a clarification changes a report already published. The newly endorsed version is not public until
 * the coordinator publishes it again ("Publish the endorsed report"), audited; the public page then shows it with
 * the history ("updated on … after a clarification"), and the version published before stays at its own address
 * with its own SHA-256.
 */
@ApplicationTest
class RepublishAfterClarificationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportVersions versions;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    TestUsers users;

    @Test
    void theNewEndorsedVersionIsPublishedByTheCoordinatorAndTheOldOneStaysReachable() throws Exception {
        CurrentUser kenya = users.coordinator("KEN");
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(kenya), fixtures.regionalRound("ECA"),
                fixtures.imrfEdition());
        ReportVersion v1 = versions.freeze(cycle.id());
        ProcessInstance national = fixtures.nationalReviewAt(cycle, "PublishEndorsedReport");
        Task publication = fixtures.task(national.getId(), "PublishEndorsedReport");
        mvc.perform(post("/tasks/" + publication.getId()).with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v1.id())).param("confirm", "yes"))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJob(national.getId(), "PublishReport");
        String key = cycle.businessKey();
        mvc.perform(get("/published/" + key + ".json")).andExpect(header().string("X-Content-SHA256", v1.sha256()));
        mvc.perform(get("/cycles/" + cycle.id()).with(as(kenya)))
                .andExpect(content().string(not(containsString("id=\"republish\""))));

        // a clarification changed objective 1; the new text went through sign-off and was endorsed
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 1")
                .params("Figures added after the clarification.", cycle.id()).update();
        ReportVersion v2 = versions.freeze(cycle.id());
        fixtures.endorseLatest(cycle);

        // not public yet: the coordinator publishes it, as the first time
        mvc.perform(get("/published/" + key + ".json")).andExpect(header().string("X-Content-SHA256", v1.sha256()));
        mvc.perform(get("/cycles/" + cycle.id()).with(as(kenya)))
                .andExpect(content().string(containsString("id=\"republish\"")));
        mvc.perform(get("/cycles/" + cycle.id() + "/publication").with(as(users.coordinator("GHA"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cycles/" + cycle.id() + "/publication").with(as(kenya)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(v2.sha256())));
        mvc.perform(post("/cycles/" + cycle.id() + "/publication").with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v2.id())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Please confirm that this endorsed version")));
        mvc.perform(post("/cycles/" + cycle.id() + "/publication").with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v1.id())).param("confirm", "yes"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/published/" + key + ".json")).andExpect(header().string("X-Content-SHA256", v1.sha256()));

        mvc.perform(post("/cycles/" + cycle.id() + "/publication").with(as(kenya)).with(csrf())
                        .param("versionId", String.valueOf(v2.id())).param("confirm", "yes"))
                .andExpect(redirectedUrl("/cycles/" + cycle.id()));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPORT_REPUBLISHED' and subject_id = ?")
                .param(String.valueOf(v2.id())).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/published/" + key + ".json")).andExpect(header().string("X-Content-SHA256", v2.sha256()));
        mvc.perform(get("/published/" + key))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"updated-note\"")))
                .andExpect(content().string(containsString("after a clarification: version 2")))
                .andExpect(content().string(containsString("href=\"/published/" + key + "/versions/1\"")))
                .andExpect(content().string(containsString("Figures added after the clarification.")));
        // the version published before keeps its own address and hash
        mvc.perform(get("/published/" + key + "/versions/1.json"))
                .andExpect(status().isOk()).andExpect(header().string("X-Content-SHA256", v1.sha256()));
        mvc.perform(get("/published/" + key + "/versions/1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"earlier-version\"")))
                .andExpect(content().string(containsString(v1.sha256())))
                .andExpect(content().string(not(containsString("Figures added after the clarification."))));
        mvc.perform(get("/published/" + key + "/versions/3.json")).andExpect(status().isNotFound());
        // nothing more to publish
        mvc.perform(get("/cycles/" + cycle.id()).with(as(kenya)))
                .andExpect(content().string(not(containsString("id=\"republish\""))));
    }
}
