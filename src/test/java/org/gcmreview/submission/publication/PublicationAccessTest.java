package org.gcmreview.submission.publication;

import static org.gcmreview.identity.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Only published reports exist publicly; everything else is 404 for everyone, the country's own users too. */
@ApplicationTest
class PublicationAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportVersions versions;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    CurrentUser coordinator;

    @BeforeEach
    void setUp() {
        coordinator = users.coordinator("KEN");
    }

    @Test
    void anUnpublishedReportIsNotFoundForAnyone() throws Exception {
        ReviewCycle draft = fixtures.cycle(coordinator);
        versions.freeze(draft.id());
        CurrentUser otherCountry = users.coordinator("GHA");
        CurrentUser imrf = users.imrfSecretariat();

        for (String path : new String[] {"/published/" + draft.businessKey(), "/published/" + draft.businessKey() + ".json"}) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
            mvc.perform(get(path).with(as(coordinator))).andExpect(status().isNotFound());
            mvc.perform(get(path).with(as(otherCountry))).andExpect(status().isNotFound());
            mvc.perform(get(path).with(as(imrf))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/published")).andExpect(content().string(not(containsString(draft.businessKey()))));
        mvc.perform(get("/published/NOPE-0000")).andExpect(status().isNotFound());
        mvc.perform(get("/published/NOPE-0000.json")).andExpect(status().isNotFound());
    }

    @Test
    void aPublishedReportIsPublicWithItsFrozenContentEscaped() throws Exception {
        ReviewCycle cycle = fixtures.cycle(coordinator);
        ReportVersion v1 = versions.freeze(cycle.id());
        jdbc.sql("update report_section set body = ? where cycle_id = ? and objective_number = 1")
                .params("Data <b>bold</b> & <script>alert(1)</script>", cycle.id()).update();
        ReportVersion v2 = versions.freeze(cycle.id());
        // only an endorsed version is public (issue 14.4)
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();

        mvc.perform(get("/published"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/published/" + cycle.businessKey())))
                .andExpect(content().string(containsString("Economic Commission for Africa")));
        mvc.perform(get("/published/" + cycle.businessKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Data &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("Progress on objective 2.")))
                .andExpect(content().string(containsString(v1.sha256())))
                .andExpect(content().string(containsString(v2.sha256())));
        mvc.perform(get("/published/" + cycle.businessKey() + ".json"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"" + v2.sha256() + "\""))
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(content().string(v2.content()));
    }
}
