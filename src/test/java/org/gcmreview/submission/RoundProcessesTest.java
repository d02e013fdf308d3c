package org.gcmreview.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One process instance per round: started on demand, never twice, not for a closed round. */
@ApplicationTest
class RoundProcessesTest {

    @Autowired
    RoundProcesses roundProcesses;
    @Autowired
    ReviewRounds rounds;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ReviewFixtures fixtures;

    @Test
    void startsTheRegionalRoundOnceWithItsVariables() {
        users.ensureCountry("KEN");
        ReviewRound round = round("REGIONAL", "ECA");

        String first = roundProcesses.ensureRunning(round.id());
        String again = roundProcesses.ensureRunning(round.id());

        assertThat(again).isEqualTo(first);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(first).singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(round.code());
        assertThat(instance.getProcessDefinitionId()).startsWith("regional-review:");
        assertThat(runtimeService.getVariables(first))
                .containsEntry("commissionCode", "ECA")
                .containsEntry("roundId", round.id())
                .containsEntry("secretariatGroup", "regional-secretariat-ECA")
                .containsEntry("submissionDeadline", Date.from(round.deadlinePassesAt()));
        assertThat(rounds.findById(round.id()).orElseThrow().processInstanceId()).isEqualTo(first);
    }

    @Test
    void startsAnImrfEditionWithTheImrfSecretariat() {
        ReviewRound edition = round("IMRF", null);

        String id = roundProcesses.ensureRunning(edition.id());

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult()
                .getProcessDefinitionId()).startsWith("imrf-review:");
        assertThat(runtimeService.getVariables(id)).containsEntry("secretariatGroup", "imrf-secretariat")
                .containsEntry("roundId", edition.id());
    }

    @Test
    void concurrentFirstSubmissionsStartOneInstance() throws Exception {
        ReviewRound round = round("REGIONAL", "ECA");
        int callers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<String> call = () -> {
                    go.await();
                    return roundProcesses.ensureRunning(round.id());
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> result : results) {
                ids.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(round.code()).count())
                .isEqualTo(1);
    }

    @Test
    void aRoundWhoseInstanceWasCancelledGetsANewOne() {
        ReviewRound round = round("REGIONAL", "ECA");
        String first = roundProcesses.ensureRunning(round.id());
        runtimeService.deleteProcessInstance(first, "cancelled by an administrator");

        String second = roundProcesses.ensureRunning(round.id());

        assertThat(second).isNotEqualTo(first);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(round.code()).count())
                .isEqualTo(1);
    }

    @Test
    void aClosedRoundIsNotStarted() {
        ReviewRound round = round("REGIONAL", "ECA");
        jdbc.sql("update review_round set closed_at = now() where id = ?").param(round.id()).update();

        assertThatThrownBy(() -> roundProcesses.ensureRunning(round.id())).isInstanceOf(RoundClosedException.class);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(round.code()).count())
                .isZero();
    }

    @Test
    void theOpenRoundOfACountryIsTheNextDeadlineNotYetClosed() {
        users.ensureCountry("KEN");
        // other tests' ECA rounds exist too: compare only among rounds made here, by closing all others
        List<Long> others = jdbc.sql("select id from review_round where kind = 'REGIONAL' and commission_code = 'ECA'"
                + " and closed_at is null").query(Long.class).list();
        others.forEach(id -> jdbc.sql("update review_round set closed_at = now() where id = ?").param(id).update());
        ReviewRound past = fixtures.round("REGIONAL", "ECA", LocalDate.now().minusDays(10));
        ReviewRound later = fixtures.round("REGIONAL", "ECA", LocalDate.now().plusDays(90));
        ReviewRound next = fixtures.round("REGIONAL", "ECA", LocalDate.now().plusDays(30));
        try {
            assertThat(rounds.openRegionalRoundFor("KEN")).map(ReviewRound::id).contains(next.id());
            jdbc.sql("update review_round set closed_at = now() where id in (?, ?)").params(next.id(), later.id())
                    .update();
            // only a round past its deadline is left open: a late report still goes there
            assertThat(rounds.openRegionalRoundFor("KEN")).map(ReviewRound::id).contains(past.id());
        } finally {
            others.forEach(id -> jdbc.sql("update review_round set closed_at = null where id = ?").param(id)
                    .update());
        }
    }

    private ReviewRound round(String kind, String commission) {
        return fixtures.round(kind, commission,
                LocalDate.now().plusDays(45));
    }
}
