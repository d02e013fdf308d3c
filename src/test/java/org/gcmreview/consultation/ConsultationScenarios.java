package org.gcmreview.consultation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.gcmreview.identity.TestUsers;
import org.gcmreview.submission.ReviewFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starts {@link ConsultationScenario}s: a fixture bean of {@code @ApplicationTest}, one new scenario per call. */
public final class ConsultationScenarios {

    private final JdbcClient jdbc;
    private final TestUsers users;
    private final ReviewFixtures fixtures;
    private final RuntimeService runtimeService;

    public ConsultationScenarios(JdbcClient jdbc, TestUsers users, ReviewFixtures fixtures,
            RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.users = users;
        this.fixtures = fixtures;
        this.runtimeService = runtimeService;
    }

    /** A consultation whose opening time has come; its timer has not run yet. */
    public ConsultationScenario start() {
        return opening(Instant.now().minus(1, ChronoUnit.HOURS));
    }

    /** A consultation the process has reached whose planned opening is days away: its timer waits. */
    public ConsultationScenario scheduled() {
        return opening(Instant.now().plus(3, ChronoUnit.DAYS));
    }

    /** A consultation planned to open at that moment. */
    public ConsultationScenario opening(Instant opensAt) {
        return new ConsultationScenario(jdbc, users, fixtures, runtimeService, opensAt);
    }

    /** A consultation whose window is open, individuals allowed: where most input tests begin. */
    public ConsultationScenario open() {
        ConsultationScenario scenario = start();
        scenario.openWindow();
        scenario.allowIndividuals();
        return scenario;
    }
}
