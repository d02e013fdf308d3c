package org.gcmreview.submission.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.support.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 19.3: a published page's consultation counts are counted at most once per time to live on a node
 * ({@link ConsultationCounts}); nothing else the page shows waits for it, so a publication, a re-publication or a
 * translation is on the page at the next request.
 */
@ApplicationTest
class ConsultationCountsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;
    @Autowired
    ReportVersions versions;
    @Autowired
    PublishedReports published;
    @Autowired
    Publications publications;
    @Autowired
    ReportTranslations translations;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T12:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void theCountsAreKeptForTheirTimeToLiveAndCountedAgainAfter() {
        ReviewCycle cycle = published();
        long window = window(cycle);
        input(window, "PUBLISHED", "ACCEPTED");
        input(window, "PUBLISHED", null);
        MovableClock clock = new MovableClock();
        ConsultationCounts counts = new ConsultationCounts(published, Duration.ofSeconds(5), clock);
        assertThat(counts.of(cycle.id()).received()).isEqualTo(2);

        input(window, "RECEIVED", "PARTLY");
        input(window, "HIDDEN", null);
        clock.move(Duration.ofMillis(4_999));
        assertThat(counts.of(cycle.id()).received()).as("within the time to live").isEqualTo(2);
        assertThat(counts.of(cycle.id()).withheld()).isZero();

        clock.move(Duration.ofMillis(1));
        ConsultationSummary after = counts.of(cycle.id());
        assertThat(after.received()).isEqualTo(3);
        assertThat(after.partly()).isEqualTo(1);
        assertThat(after.withheld()).isEqualTo(1);
        assertThat(after).isEqualTo(published.consultation(cycle.id()));
    }

    @Test
    void eachCycleHasItsOwnCounts() {
        ReviewCycle first = published();
        ReviewCycle second = published();
        input(window(first), "PUBLISHED", "ACCEPTED");
        ConsultationCounts counts = new ConsultationCounts(published, Duration.ofSeconds(5), new MovableClock());
        assertThat(counts.of(first.id()).received()).isEqualTo(1);
        assertThat(counts.of(second.id())).isEqualTo(ConsultationSummary.NONE);
    }

    @Test
    void aTimeToLiveOfZeroCountsOnEveryRequest() {
        ReviewCycle cycle = published();
        long window = window(cycle);
        ConsultationCounts counts = new ConsultationCounts(published, Duration.ZERO, new MovableClock());
        assertThat(counts.of(cycle.id()).received()).isZero();
        input(window, "PUBLISHED", "NOT_ACCEPTED");
        assertThat(counts.of(cycle.id()).received()).isEqualTo(1);
        assertThat(counts.of(cycle.id()).notAccepted()).isEqualTo(1);
    }

    /** What the publication module changes is seen by the next request, while the counts are kept. */
    @Test
    void aPublicationARepublicationAndATranslationAreOnThePageAtOnce() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        ReviewCycle cycle = fixtures.cycle(coordinator);
        String path = "/published/" + cycle.businessKey();
        input(window(cycle), "PUBLISHED", "ACCEPTED");
        ReportVersion first = versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        mvc.perform(get(path)).andExpect(status().isNotFound());

        publications.record(cycle.id(), first.id(), "coordinator");
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
        MockHttpServletResponse page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains(first.sha256())
                .doesNotContain("href=\"" + path + "/fr\"");

        translations.add(cycle.id(), first.versionNo(), first.sha256(), "fr", first.content(),
                Sha256.hex(first.content()), coordinator.id());
        MockHttpServletResponse translated = mvc.perform(get(path).header("If-None-Match", page.getHeader("ETag")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(translated.getContentAsString(StandardCharsets.UTF_8)).contains("href=\"" + path + "/fr\"");
        mvc.perform(get(path + "/fr")).andExpect(status().isOk());

        jdbc.sql("update report_section set body = 'Republished after a clarification.' "
                + "where cycle_id = ? and objective_number = 2").param(cycle.id()).update();
        ReportVersion second = versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        publications.record(cycle.id(), second.id(), "coordinator");
        MockHttpServletResponse republished = mvc.perform(get(path).header("If-None-Match",
                translated.getHeader("ETag"))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(republished.getContentAsString(StandardCharsets.UTF_8))
                .contains(second.sha256(), "Republished after a clarification.");
    }

    private ReviewCycle published() {
        ReviewCycle cycle = fixtures.cycle(users.coordinator("KEN"));
        versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
        return cycle;
    }

    private long window(ReviewCycle cycle) {
        return jdbc.sql("""
                insert into consultation_window (cycle_id, opens_at, closes_at, status)
                values (?, timestamp '2025-01-10 00:00', timestamp '2025-02-10 00:00', 'CLOSED') returning id""")
                .param(cycle.id()).query(Long.class).single();
    }

    private void input(long window, String status, String outcome) {
        jdbc.sql("""
                insert into consultation_input (window_id, reference, idempotency_key, author_name, author_email, body,
                                                status, moderation_reason, response_outcome, confirmed_at)
                values (?, ?, ?, 'Someone', 'someone@example.org', 'An input.', ?, ?, ?, now())""")
                .params(window, "T-" + UUID.randomUUID(), UUID.randomUUID(), status,
                        "HIDDEN".equals(status) ? "Abusive language." : null, outcome).update();
    }
}
