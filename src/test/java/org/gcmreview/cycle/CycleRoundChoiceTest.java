package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 14.3: a new cycle is never tied to a round or edition its secretariat has closed. */
@ApplicationTest
class CycleRoundChoiceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void aNewCycleGoesToTheLatestOpenRoundAndEditionNotAClosedLaterOne() throws Exception {
        // beyond every round other tests left in the shared database, so these two are the latest of their kind
        LocalDate far = jdbc.sql("select coalesce(max(submission_deadline), current_date) from review_round")
                .query(LocalDate.class).single().plusYears(1);
        long openRound = round("REGIONAL", "ECA", far, false);
        round("REGIONAL", "ECA", far.plusDays(30), true);
        long openEdition = round("IMRF", null, far, false);
        round("IMRF", null, far.plusDays(30), true);

        try {
            long cycleId = cycles.start(users.coordinator("KEN"),
                    CycleFixture.uniqueCode());

            assertThat(jdbc.sql("select regional_round_id from review_cycle where id = ?").param(cycleId)
                    .query(Long.class).single()).isEqualTo(openRound);
            assertThat(jdbc.sql("select imrf_round_id from review_cycle where id = ?").param(cycleId)
                    .query(Long.class).single()).isEqualTo(openEdition);
        } finally {
            // other tests sharing the database must not find these far-away rounds open
            jdbc.sql("update review_round set closed_at = now() where id in (?, ?)").params(openRound, openEdition)
                    .update();
        }
    }

    private long round(String kind, String commission, LocalDate deadline, boolean closed) {
        String code = (commission == null ? "IMRF" : commission) + "-C" + UUID.randomUUID().toString().substring(0, 8);
        return jdbc.sql("""
                insert into review_round (kind, commission_code, code, name, submission_deadline, closed_at)
                values (?, ?, ?, ?, ?, case when ? then now() end) returning id""")
                .params(kind, commission, code, "Round " + code, deadline, closed).query(Long.class).single();
    }
}
