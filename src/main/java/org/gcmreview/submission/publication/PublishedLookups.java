package org.gcmreview.submission.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsement;
import org.gcmreview.signoff.Endorsements;
import org.gcmreview.signoff.ReportEndorsed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What names a published report's page, PDF and JSON (their entity tags, issue 19.3): its cycle, the version
 * public and its translations. Four index look-ups, made on every request before, 304 included: they were what a
 * published page still paid that a reference page does not. A node now looks them up at most once per
 * {@code gcm.public-pages.lookup-ttl} (default 5 s) per report.
 * <p>A publication, a re-publication, a translation or an endorsement on this node forgets everything kept, at
 * once and again when its transaction ends ({@link #changed()}), so the next request here sees it. Another node
 * sees it within the time to live. A not-found report is not kept. A time to live of zero looks up on every request.
 */
@Component
class PublishedLookups {

    /** Past this many reports, the expired look-ups are dropped (there is one per published report read). */
    private static final int TIDY_ABOVE = 10_000;

    /** The version public: its id, number and SHA-256, without its content (a frozen version never changes). */
    record PublicVersion(long reportVersionId, int versionNo, String sha256) {
    }

    /** What a published report's tags are made of. */
    record Lookup(ReviewCycle cycle, PublicVersion version, List<ReportTranslations.Language> translations) {
    }

    private record Kept(Lookup lookup, Instant until) {
    }

    private final PublishedReports published;
    private final Endorsements endorsements;
    private final Publications publications;
    private final ReportTranslations translations;
    private final ReportVersions versions;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
    /** Counts the changes: a look-up that a change overtook is not kept (it may have read the state before it). */
    private final AtomicLong changes = new AtomicLong();

    @Autowired
    PublishedLookups(PublishedReports published, Endorsements endorsements, Publications publications,
            ReportTranslations translations, ReportVersions versions,
            @Value("${gcm.public-pages.lookup-ttl:5s}") Duration ttl, ObjectProvider<Clock> clock) {
        this(published, endorsements, publications, translations, versions, ttl,
                clock.getIfAvailable(Clock::systemUTC));
    }

    PublishedLookups(PublishedReports published, Endorsements endorsements, Publications publications,
            ReportTranslations translations, ReportVersions versions, Duration ttl, Clock clock) {
        this.published = published;
        this.endorsements = endorsements;
        this.publications = publications;
        this.translations = translations;
        this.versions = versions;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The published report's look-up, as made within the last {@code ttl} on this node; 404 if not published. */
    Lookup of(String businessKey) {
        if (ttl.isZero() || ttl.isNegative()) {
            return lookUp(businessKey);
        }
        Instant now = clock.instant();
        Kept before = kept.get(businessKey);
        if (before != null && now.isBefore(before.until())) {
            return before.lookup();
        }
        long seen = changes.get();
        Lookup lookup = lookUp(businessKey);
        if (kept.size() > TIDY_ABOVE) {
            kept.values().removeIf(k -> !now.isBefore(k.until()));
        }
        Kept mine = new Kept(lookup, now.plus(ttl));
        kept.put(businessKey, mine);
        if (changes.get() != seen) {
            // a change came while looking up: what was read may be older than it
            kept.remove(businessKey, mine);
        }
        return lookup;
    }

    /**
     * Something a published page shows changed: forgotten now, and again once the change's transaction ends,
     * since a reader may look up (and keep) the state before it until then.
     */
    void changed() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
    }

    @EventListener
    void endorsed(ReportEndorsed endorsement) {
        changed();
    }

    @EventListener
    void publishedOrTranslated(PublishedReportChanged change) {
        changed();
    }

    private void forget() {
        changes.incrementAndGet();
        kept.clear();
    }

    private Lookup lookUp(String businessKey) {
        ReviewCycle cycle = published.find(businessKey).orElseThrow(PublishedPage::notFound);
        return new Lookup(cycle, version(cycle), translations.languages(cycle.id()));
    }

    /**
     * The version published last (issue 14.4): a version endorsed after a clarification is public only once the
     * coordinator publishes it again. A cycle published before publications were kept shows the version endorsed
     * last. Never a version frozen after an endorsement.
     */
    private PublicVersion version(ReviewCycle cycle) {
        Endorsement endorsed = endorsements.find(cycle.id()).orElseThrow(PublishedPage::notFound);
        return publications.latest(cycle.id()).filter(id -> id != endorsed.reportVersionId())
                // only when an endorsed version waits for its publication: then the text public is the earlier one
                .flatMap(versions::find).map(v -> new PublicVersion(v.id(), v.versionNo(), v.sha256()))
                .orElse(new PublicVersion(endorsed.reportVersionId(), endorsed.versionNo(), endorsed.sha256()));
    }
}
