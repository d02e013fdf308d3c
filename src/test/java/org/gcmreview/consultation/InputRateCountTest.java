package org.gcmreview.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statement that stores an input also checks the rate limit and counts the input against it (issue 19.1).
 * The form's tests (HostileInputTest) go through it with the limit on; here the statement itself, at the limit's
 * edge and with the limit off, which no application of the test suite runs.
 */
@ApplicationTest
class InputRateCountTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsultationInputs inputs;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ConsultationScenarios scenarios;

    ConsultationScenario scenario;
    CurrentUser stakeholder;
    List<String> subjects;

    @BeforeEach
    void setUp() {
        scenario = scenarios.open();
        stakeholder = scenario.stakeholder();
        subjects = List.of(SubmissionRateLimit.organisation(stakeholder.organisationId()),
                SubmissionRateLimit.address(ConsultationScenario.randomAddress()));
    }

    @Test
    void storesAndCountsWhileBelowTheLimitAndNothingAtIt() {
        SubmissionRateLimit limit = limit(true, 2);

        assertThat(store(limit)).isPresent();
        assertThat(store(limit)).isPresent();
        assertThat(events()).isEqualTo(4);
        // the third: neither stored nor counted, and the limit says when the next one fits
        assertThat(store(limit)).isEmpty();
        assertThat(events()).isEqualTo(4);
        Optional<Instant> retryAt = transactions.execute(status -> {
            limit.lock(subjects);
            return limit.retryAt(subjects);
        });
        assertThat(retryAt).isPresent();
        assertThat(inputsOfTheOrganisation()).isEqualTo(2);
    }

    @Test
    void withTheLimitOffEveryInputIsStoredAndNoneCounted() {
        SubmissionRateLimit off = limit(false, 1);

        assertThat(store(off)).isPresent();
        assertThat(store(off)).isPresent();
        assertThat(inputsOfTheOrganisation()).isEqualTo(2);
        assertThat(events()).isZero();
    }

    private SubmissionRateLimit limit(boolean enabled, int max) {
        return new SubmissionRateLimit(jdbc, new ConsultationProperties(null, Duration.ofHours(24),
                new ConsultationProperties.RateLimit(enabled, max, Duration.ofHours(1))));
    }

    private Optional<ConsultationInput> store(SubmissionRateLimit limit) {
        long window = scenario.window().id();
        return transactions.execute(status -> {
            limit.lock(subjects);
            return inputs.insertInput(window, "KEN", UUID.randomUUID(),
                    new ConsultationInputs.Author(stakeholder.organisationId(), stakeholder.id(), null, null),
                    InputTarget.objective(1), "en", "An input counted in the statement that stores it.", null,
                    limit.counting(subjects));
        });
    }

    private int events() {
        return jdbc.sql("select count(*) from submission_rate_event where subject = any(?)")
                .param(subjects.toArray(String[]::new)).query(Integer.class).single();
    }

    private int inputsOfTheOrganisation() {
        return jdbc.sql("select count(*) from consultation_input where organisation_id = ?")
                .param(stakeholder.organisationId()).query(Integer.class).single();
    }
}
