package org.gcmreview.submission;

import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.processes.RegionalReview;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Countries a secretariat accepted late into a round it closed (table round_late_acceptance). Only they may still
 * hand a report to the closed round (an answer to a clarification), and the round's process waits for them
 * (regional-review's LateReviewsSettled) before it ends.
 */
@Component
public class LateReviews {

    private final JdbcClient jdbc;
    private final ReviewRounds rounds;
    private final RuntimeService runtimeService;

    LateReviews(JdbcClient jdbc, ReviewRounds rounds, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.runtimeService = runtimeService;
    }

    public void accept(long roundId, long cycleId, long decidedBy) {
        jdbc.sql("""
                insert into round_late_acceptance (round_id, cycle_id, decided_by) values (?, ?, ?)
                on conflict (round_id, cycle_id) do nothing""").params(roundId, cycleId, decidedBy).update();
    }

    /** True when the secretariat accepted this cycle late into the round. */
    public boolean accepted(long roundId, long cycleId) {
        return jdbc.sql("select count(*) from round_late_acceptance where round_id = ? and cycle_id = ?")
                .params(roundId, cycleId).query(Integer.class).single() > 0;
    }

    /** Late countries of the round whose latest submission to it is still with the secretariat or the country. */
    public int stillOpen(long roundId) {
        return jdbc.sql("""
                select count(*) from round_late_acceptance a
                 where a.round_id = ?
                   and exists (select 1 from submission s
                                where s.round_id = a.round_id and s.cycle_id = a.cycle_id
                                  and s.status in ('SUBMITTED', 'CLARIFICATION_REQUESTED'))""")
                .param(roundId).query(Integer.class).single();
    }

    /**
     * After a late country's submission was acknowledged, released or withdrawn: when the round is closed and no
     * late country is left, its process may end. Nothing waits when the round is open or has no late countries.
     */
    public void settle(long roundId) {
        ReviewRound round = rounds.findById(roundId).orElseThrow();
        if (!round.closed() || round.processInstanceId() == null || stillOpen(roundId) > 0) {
            return;
        }
        runtimeService.createMessageCorrelation(RegionalReview.MESSAGE_LATE_REVIEWS_SETTLED)
                .processInstanceId(round.processInstanceId())
                .correlateAllWithResult();
    }
}
