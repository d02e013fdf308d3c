package org.gcmreview.submission.handover;

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

    CycleRounds(ReviewRounds rounds, ReviewCycles cycles) {
        this.rounds = rounds;
        this.cycles = cycles;
    }

    /** The regional round the cycle reports to, without assigning one. */
    Optional<ReviewRound> regionalRound(ReviewCycle cycle) {
        return cycle.regionalRoundId() != null ? rounds.findById(cycle.regionalRoundId())
                : rounds.openRegionalRoundFor(cycle.countryIso3());
    }

    Optional<ReviewRound> imrfEdition(ReviewCycle cycle) {
        return cycle.imrfRoundId() != null ? rounds.findById(cycle.imrfRoundId()) : rounds.openImrfEdition();
    }

    /** The regional round, recorded on the cycle if it was not yet; empty when the commission has none open. */
    Optional<ReviewRound> assignRegionalRound(ReviewCycle cycle) {
        Optional<ReviewRound> round = regionalRound(cycle);
        if (cycle.regionalRoundId() == null) {
            round.ifPresent(r -> cycles.assignRegionalRound(cycle.id(), r.id()));
        }
        return round;
    }

    Optional<ReviewRound> assignImrfEdition(ReviewCycle cycle) {
        Optional<ReviewRound> round = imrfEdition(cycle);
        if (cycle.imrfRoundId() == null) {
            round.ifPresent(r -> cycles.assignImrfEdition(cycle.id(), r.id()));
        }
        return round;
    }
}
