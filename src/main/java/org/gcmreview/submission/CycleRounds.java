package org.gcmreview.submission;

import java.util.Optional;

import org.gcmreview.cycle.ReviewCycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which regional round and IMRF edition a cycle's report goes to. Scoping may name them; when it did not, the
 * open round of the country's commission (and the open IMRF edition) is taken and remembered on the cycle, so
 * a resubmission always goes to the same round as the first submission.
 */
@Service
class CycleRounds {

    private final ReviewRounds rounds;
    private final JdbcClient jdbc;

    CycleRounds(ReviewRounds rounds, JdbcClient jdbc) {
        this.rounds = rounds;
        this.jdbc = jdbc;
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
            round.ifPresent(r -> jdbc.sql("update review_cycle set regional_round_id = ? where id = ?")
                    .params(r.id(), cycle.id()).update());
        }
        return round;
    }

    Optional<ReviewRound> assignImrfEdition(ReviewCycle cycle) {
        Optional<ReviewRound> round = imrfEdition(cycle);
        if (cycle.imrfRoundId() == null) {
            round.ifPresent(r -> jdbc.sql("update review_cycle set imrf_round_id = ? where id = ?")
                    .params(r.id(), cycle.id()).update());
        }
        return round;
    }
}
