package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.GcmReviewApplication;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Drafting timers are Camunda jobs in PostgreSQL, so they outlive the application: a cycle is scoped in one
 * application context, the context is closed (as a server is stopped), and a NEW context on the same embedded
 * PostgreSQL data directory finds the same timer jobs, which fire once when their time comes and mail the
 * ministry. Not a {@code @SpringBootTest}: the test starts and stops the two contexts itself.
 */
class TimersSurviveRestartTest {

    static final int SMTP_PORT = TestSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestSmtp.server(SMTP_PORT);

    final Path dataDirectory = Path.of("target", "embedded-postgres", "restart-" + UUID.randomUUID());

    @AfterEach
    void cleanUp() throws IOException {
        ClockUtil.reset();
        if (Files.exists(dataDirectory)) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void timerJobsAreStillThereAfterARestartAndFireOnce() throws Exception {
        String instance;
        long cycleId;
        String interiorEmail;
        Map<String, Date> timersBefore;

        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            TestUsers users = new TestUsers(jdbc);
            CurrentUser coordinator = users.coordinator("KEN");
            CurrentUser interior = users.ministry("KEN", "INTERIOR");
            interiorEmail = interior.email();
            CycleFixture cycles = fixture(first);
            cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
            mvc(first).perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                            List.of(interior.ministryId()), Map.of(1, interior.ministryId())))
                    .andExpect(redirectedUrl("/tasks"));
            instance = cycles.processInstanceId(cycleId);
            timersBefore = timers(first.getBean(ManagementService.class), instance);
            assertThat(timersBefore).hasSize(2);
        }

        try (ConfigurableApplicationContext second = start()) {
            ManagementService management = second.getBean(ManagementService.class);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            // the same jobs, with the same due dates, read from the database by a new engine
            assertThat(timers(management, instance)).isEqualTo(timersBefore);
            assertThat(jdbc.sql("select count(*) from review_cycle where id = ?").param(cycleId).query(Integer.class)
                    .single()).isOne();

            ClockUtil.setCurrentTime(Date.from(CycleFixture.inDays(24).atStartOfDay().toInstant(ZoneOffset.UTC)));
            List<Job> due = management.createJobQuery().processInstanceId(instance).timers().executable().list();
            assertThat(due).hasSize(1);
            due.forEach(job -> management.executeJob(job.getId()));
            management.createJobQuery().processInstanceId(instance).messages().executable().list()
                    .forEach(job -> management.executeJob(job.getId()));

            // fired once: one reminder, and only the overdue timer is left
            // (one mail per person: each carries its recipient's own link to their mail settings)
            assertThat(TestSmtp.mails(greenMail)).filteredOn(m -> m.to().contains(interiorEmail)).singleElement()
                    .satisfies(m -> {
                assertThat(m.to()).containsExactly(interiorEmail);
                assertThat(m.subject()).startsWith("Reminder: GCM review KEN-");
            });
            assertThat(management.createJobQuery().processInstanceId(instance).executable().count()).isZero();
            assertThat(timers(management, instance)).hasSize(1);
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'DRAFTING_REMINDER_SENT' "
                    + "and subject_id = ?").param(String.valueOf(cycleId)).query(Integer.class).single()).isOne();
            assertThat(second.getBean(TaskService.class).createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey("DraftContribution").count()).isOne();
        }
    }

    /** An application context on the fixed data directory, kept between starts; mail to GreenMail. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GcmReviewApplication.class).run(
                "--gcm.embedded-postgres.data-directory=" + dataDirectory.toAbsolutePath(),
                "--gcm.embedded-postgres.clean-data-directory=false",
                "--server.port=0",
                "--gcm.mail.enabled=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + SMTP_PORT);
    }

    private static Map<String, Date> timers(ManagementService management, String instance) {
        return management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .collect(Collectors.toMap(Job::getId, Job::getDuedate));
    }

    private static MockMvc mvc(ConfigurableApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    private static CycleFixture fixture(ConfigurableApplicationContext context) {
        return new CycleFixture(mvc(context), context.getBean(JdbcClient.class), context.getBean(TaskService.class),
                context.getBean(RuntimeService.class));
    }
}
