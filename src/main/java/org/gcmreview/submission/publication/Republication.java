package org.gcmreview.submission.publication;

import java.util.Optional;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.report.ReportVersions;
import org.gcmreview.signoff.Endorsement;
import org.gcmreview.signoff.Endorsements;
import org.springframework.stereotype.Component;

/**
 * Whether a published report has a newer endorsed version waiting to be published (issue 14.4): the cycle page
 * offers the coordinator "Publish the endorsed report" then ({@link RepublicationController}).
 */
@Component("republication")
public class Republication {

    private final ReviewCycles cycles;
    private final Endorsements endorsements;
    private final ReportVersions versions;
    private final Publications publications;

    Republication(ReviewCycles cycles, Endorsements endorsements, ReportVersions versions, Publications publications) {
        this.cycles = cycles;
        this.endorsements = endorsements;
        this.versions = versions;
        this.publications = publications;
    }

    public boolean pending(long cycleId) {
        return cycles.findById(cycleId).flatMap(this::waiting).isPresent();
    }

    /**
     * The endorsed version waiting to be published: the cycle was published, a later version was endorsed since,
     * and nothing newer is frozen (a text still on its way to endorsement is never published).
     */
    Optional<Endorsement> waiting(ReviewCycle cycle) {
        if (!cycle.published() || publications.of(cycle.id()).isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> latestFrozen = versions.latest(cycle.id()).map(v -> v.id());
        return endorsements.find(cycle.id())
                .filter(e -> latestFrozen.isPresent() && latestFrozen.get() == e.reportVersionId())
                .filter(e -> !publications.published(cycle.id(), e.reportVersionId()));
    }
}
