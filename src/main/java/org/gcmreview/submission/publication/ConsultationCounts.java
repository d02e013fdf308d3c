package org.gcmreview.submission.publication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The consultation's counts a published page shows (and names in its entity tag), counted at most once per
 * {@code gcm.public-pages.counts-ttl} (default 5 s) per cycle on this node (issue 19.3). Counting means reading
 * every input of the window, scattered over the table (about 1,000 heap pages for 1,000 inputs), and the page's tag
 * is made on every request, its 304 included: it was most of what a kept page cost.
 * <p>So the page, its PDF and their 304 may show counts up to that long behind a coordinator's answer or a
 * moderation; the page is served with {@code max-age=60} anyway. Nothing else the page shows is kept here: the
 * rest of its tag is kept by {@link PublishedLookups}, which forgets it on a publication, a re-publication, a
 * translation or an endorsement. A time to live of zero counts on every request.
 */
@Component
class ConsultationCounts {

    /** Past this many cycles, the expired counts are dropped (each is a few dozen bytes; there is one per cycle). */
    private static final int TIDY_ABOVE = 10_000;

    private record Counted(ConsultationSummary summary, Instant until) {
    }

    private final PublishedReports published;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Counted> counted = new ConcurrentHashMap<>();

    @Autowired
    ConsultationCounts(PublishedReports published, @Value("${gcm.public-pages.counts-ttl:5s}") Duration ttl,
            ObjectProvider<Clock> clock) {
        this(published, ttl, clock.getIfAvailable(Clock::systemUTC));
    }

    ConsultationCounts(PublishedReports published, Duration ttl, Clock clock) {
        this.published = published;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cycle's consultation counts, as counted within the last {@code ttl} on this node. */
    ConsultationSummary of(long cycleId) {
        if (ttl.isZero() || ttl.isNegative()) {
            return published.consultation(cycleId);
        }
        // taken before counting: the counts kept are never older than ttl plus the count itself
        Instant now = clock.instant();
        Counted kept = counted.get(cycleId);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.summary();
        }
        // readers who find the counts expired at once each count (once per ttl): not worth a lock
        ConsultationSummary summary = published.consultation(cycleId);
        if (counted.size() > TIDY_ABOVE) {
            counted.values().removeIf(c -> !now.isBefore(c.until()));
        }
        counted.put(cycleId, new Counted(summary, now.plus(ttl)));
        return summary;
    }
}
