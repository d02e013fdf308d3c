package org.gcmreview.submission.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.report.ReportVersion;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.submission.ReviewFixtures;
import org.gcmreview.submission.publication.ConsultationCountsTest.MovableClock;
import org.gcmreview.support.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issue 19.3: what names a published report is looked up at most once per time to live on a node
 * ({@link PublishedLookups}); a change on the node is seen at once, one on another node (here: written in SQL, which
 * announces nothing) within the time to live.
 */
@ApplicationTest
class PublishedLookupsTest {

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
    Endorsements endorsements;
    @Autowired
    Publications publications;
    @Autowired
    ReportTranslations translations;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aLookupIsKeptForItsTimeToLiveAndMadeAgainAfter() {
        ReviewCycle cycle = published();
        MovableClock clock = new MovableClock();
        PublishedLookups lookups = lookups(Duration.ofSeconds(5), clock);
        assertThat(lookups.of(cycle.businessKey()).translations()).isEmpty();

        translateBehindItsBack(cycle, "fr");
        clock.move(Duration.ofMillis(4_999));
        assertThat(lookups.of(cycle.businessKey()).translations()).as("within the time to live").isEmpty();

        clock.move(Duration.ofMillis(1));
        assertThat(lookups.of(cycle.businessKey()).translations()).extracting(ReportTranslations.Language::language)
                .containsExactly("fr");
    }

    @Test
    void aChangeOnTheNodeIsSeenAtOnce() {
        ReviewCycle cycle = published();
        PublishedLookups lookups = lookups(Duration.ofSeconds(5), new MovableClock());
        PublishedLookups.PublicVersion first = lookups.of(cycle.businessKey()).version();

        ReportVersion second = versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        lookups.changed();

        PublishedLookups.PublicVersion now = lookups.of(cycle.businessKey()).version();
        assertThat(now).isNotEqualTo(first);
        assertThat(now.reportVersionId()).isEqualTo(second.id());
        assertThat(now.sha256()).isEqualTo(second.sha256());
    }

    /**
     * A reader who looks up while a change is not yet committed reads (and keeps) the state before it: the change
     * forgets it again once committed.
     */
    @Test
    void aLookupMadeBeforeAChangeIsCommittedIsForgottenAtTheCommit() throws Exception {
        ReviewCycle cycle = published();
        PublishedLookups lookups = lookups(Duration.ofSeconds(5), new MovableClock());
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                translateBehindItsBack(cycle, "es");
                lookups.changed();
                try {
                    assertThat(reader.submit(() -> lookups.of(cycle.businessKey())).get().translations())
                            .as("read on another connection before the commit").isEmpty();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(lookups.of(cycle.businessKey()).translations())
                    .extracting(ReportTranslations.Language::language).containsExactly("es");
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void aReportNotFoundIsNotKept() {
        ReviewCycle cycle = fixtures.cycle(users.coordinator("KEN"));
        versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        PublishedLookups lookups = lookups(Duration.ofSeconds(5), new MovableClock());
        assertThatThrownBy(() -> lookups.of(cycle.businessKey())).isInstanceOf(ResponseStatusException.class);

        markPublished(cycle);
        assertThat(lookups.of(cycle.businessKey()).cycle().id()).isEqualTo(cycle.id());
    }

    @Test
    void aTimeToLiveOfZeroLooksUpOnEveryRequest() {
        ReviewCycle cycle = published();
        PublishedLookups lookups = lookups(Duration.ZERO, new MovableClock());
        assertThat(lookups.of(cycle.businessKey()).translations()).isEmpty();
        translateBehindItsBack(cycle, "ru");
        assertThat(lookups.of(cycle.businessKey()).translations()).hasSize(1);
    }

    private PublishedLookups lookups(Duration ttl, MovableClock clock) {
        return new PublishedLookups(published, endorsements, publications, translations, versions, ttl, clock);
    }

    private ReviewCycle published() {
        ReviewCycle cycle = fixtures.cycle(users.coordinator("KEN"));
        versions.freeze(cycle.id());
        ReviewFixtures.endorseLatest(jdbc, cycle.id());
        markPublished(cycle);
        return cycle;
    }

    private void markPublished(ReviewCycle cycle) {
        jdbc.sql("update review_cycle set published_at = now(), status = 'PUBLISHED' where id = ?").param(cycle.id())
                .update();
    }

    /** A translation written in SQL, as another node would: nothing here hears of it. */
    private void translateBehindItsBack(ReviewCycle cycle, String language) {
        ReportVersion original = versions.latest(cycle.id()).orElseThrow();
        jdbc.sql("""
                insert into report_translation (cycle_id, version_no, original_sha256, language, content, sha256,
                                                created_by)
                select ?, ?, ?, ?, ?, ?, started_by from review_cycle where id = ?""")
                .params(cycle.id(), original.versionNo(), original.sha256(), language, original.content(),
                        Sha256.hex(original.content() + language), cycle.id())
                .update();
    }
}
