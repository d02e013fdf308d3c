package org.gcmreview.submission.handover;

import org.gcmreview.submission.LateReviews;
import java.util.Optional;

import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.springframework.stereotype.Service;

/**
 * Which regional round and IMRF edition a cycle's report goes to. Scoping may name them; when it did not, the
 * open round of the country's commission (and the open IMRF edition) is taken and remembered on the cycle, so
 * a resubmission always goes to the same round as the first submission.
 */
@Service
class CycleRounds {

    private final ReviewRounds rounds;
    private final ReviewCycles cycles;
    private final LateReviews lateReviews;

    CycleRounds(ReviewRounds rounds, ReviewCycles cycles, LateReviews lateReviews) {
        this.rounds = rounds;
        this.cycles = cycles;
        this.lateReviews = lateReviews;
    }

    /**
     * The regional round the cycle reports to, without assigning one. A round closed since it was tied to the
     * cycle no longer counts (unless its secretariat accepted this cycle late): the commission's open round does.
     */
    Optional<ReviewRound> regionalRound(ReviewCycle cycle) {
        return tied(cycle, cycle.regionalRoundId()).or(() -> rounds.openRegionalRoundFor(cycle.countryIso3()));
    }

    Optional<ReviewRound> imrfEdition(ReviewCycle cycle) {
        return tied(cycle, cycle.imrfRoundId()).or(rounds::openImrfEdition);
    }

    /** The regional round, recorded on the cycle if it changed; empty when the commission has none open. */
    Optional<ReviewRound> assignRegionalRound(ReviewCycle cycle) {
        Optional<ReviewRound> round = regionalRound(cycle);
        round.filter(r -> !Long.valueOf(r.id()).equals(cycle.regionalRoundId()))
                .ifPresent(r -> cycles.assignRegionalRound(cycle.id(), r.id()));
        return round;
    }

    Optional<ReviewRound> assignImrfEdition(ReviewCycle cycle) {
        Optional<ReviewRound> round = imrfEdition(cycle);
        round.filter(r -> !Long.valueOf(r.id()).equals(cycle.imrfRoundId()))
                .ifPresent(r -> cycles.assignImrfEdition(cycle.id(), r.id()));
        return round;
    }

    private Optional<ReviewRound> tied(ReviewCycle cycle, Long roundId) {
        return Optional.ofNullable(roundId).flatMap(rounds::findById)
                .filter(r -> !r.closed() || lateReviews.accepted(r.id(), cycle.id()));
    }
}
