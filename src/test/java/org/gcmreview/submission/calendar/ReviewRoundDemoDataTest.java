package org.gcmreview.submission.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.gcmreview.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.gcmreview.submission.ReviewRound;
import org.gcmreview.submission.ReviewRounds;
import org.gcmreview.submission.RoundKind;


/** The demo rounds: one per regional commission and IMRF-2026, and running the seeder again changes nothing. */
@DatabaseTest
class ReviewRoundDemoDataTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReviewRounds rounds;

    @Test
    void seedsTheRoundsOnceWithDeadlinesIn2026Or2027() {
        ReviewRoundDemoData seeder = new ReviewRoundDemoData(jdbc);
        seeder.run(null);
        int afterFirstRun = jdbc.sql("select count(*) from review_round").query(Integer.class).single();
        seeder.run(null);

        assertThat(jdbc.sql("select count(*) from review_round").query(Integer.class).single()).isEqualTo(afterFirstRun);
        for (String commission : new String[] {"ECA", "ECE", "ECLAC", "ESCAP", "ESCWA"}) {
            ReviewRound round = rounds.findByCode(commission + "-2026").orElseThrow();
            assertThat(round.kind()).isEqualTo(RoundKind.REGIONAL);
            assertThat(round.commissionCode()).isEqualTo(commission);
            assertThat(round.submissionDeadline().getYear()).isBetween(2026, 2027);
            assertThat(round.processInstanceId()).isNull();
        }
        ReviewRound imrf = rounds.findByCode("IMRF-2026").orElseThrow();
        assertThat(imrf.kind()).isEqualTo(RoundKind.IMRF);
        assertThat(imrf.commissionCode()).isNull();
        assertThat(imrf.submissionDeadline().getYear()).isBetween(2026, 2027);
    }
}
