package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.identity.TestUsers.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.task.Task;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The coordinator's cycle page tells the whole story: the stages as a timeline with dates, each submission with
 * its answer, the published report, and a task link only when the task is there.
 */
@ApplicationTest
class CycleStoryPageTest {

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
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    CycleFixture nationalCycles;

    @Test
    void aPublishedCycleShowsItsTimelineItsAcknowledgedSubmissionAndTheReport() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        ReviewRound round = fixtures.round("REGIONAL", "ECA", LocalDate.now(ZoneOffset.UTC).plusDays(600));
        ReviewCycle cycle = fixtures.attach(fixtures.cycle(coordinator), round, fixtures.imrfEdition());
        ReportVersion version = versions.freeze(cycle.id());
        long submission = submissions.insert(cycle.id(), round.id(), version.id(), RoundKind.REGIONAL, null, null, null);
        submissions.updateStatus(submission, SubmissionStatus.ACKNOWLEDGED);
        jdbc.sql("update submission set responded_at = now() where id = ?").param(submission).update();
        // only an endorsed version is public (issue 14.4)
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set status = 'PUBLISHED', published_at = now() where id = ?").param(cycle.id())
                .update();

        String page = page(cycle, coordinator, "en");
        assertThat(between(page, "id=\"step-SCOPING\"", "</li>")).contains("done");
        assertThat(between(page, "id=\"step-PUBLISHED\"", "</li>")).contains("done").doesNotContain("aria-current");
        assertThat(between(page, "id=\"round-submissions\"", "</table>")).contains(round.code(), "Acknowledged");
        assertThat(page).contains("href=\"/published/" + cycle.businessKey() + "\"")
                .contains("No task of yours is waiting in this review right now.")
                .doesNotContain("Go to my tasks");
        String french = page(cycle, coordinator, "fr");
        assertThat(french).contains("Lire le rapport publié", "Réception confirmée", "Chronologie");
    }

    @Test
    void aTaskLinkAppearsOnlyWhenTheTaskIsThere() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        long id = nationalCycles.start(coordinator, CycleFixture.uniqueCode());
        Task scoping = nationalCycles.task(id, "ScopeReview");
        ReviewCycle cycle = cycles.findById(id).orElseThrow();

        String page = page(cycle, coordinator, "en");
        assertThat(between(page, "id=\"waiting\"", "</div>")).contains("href=\"/tasks/" + scoping.getId() + "\"")
                .contains("Scope the review");
        assertThat(between(page, "id=\"step-SCOPING\"", "</li>")).contains("aria-current=\"step\"");
        assertThat(between(page, "id=\"step-DRAFTING\"", "</li>")).contains("next");
        // a ministry of the country reads the same page: nothing of theirs waits yet
        assertThat(page(cycle, users.ministry("KEN", "INTERIOR"), "en"))
                .contains("No task of yours is waiting in this review right now.")
                .doesNotContain("href=\"/tasks/" + scoping.getId() + "\"");
    }

    private String page(ReviewCycle cycle, CurrentUser user, String language) throws Exception {
        return mvc.perform(get("/cycles/" + cycle.id()).with(as(user)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String between(String page, String from, String to) {
        int start = page.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return page.substring(start, page.indexOf(to, start));
    }
}
