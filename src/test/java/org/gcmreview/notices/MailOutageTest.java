package org.gcmreview.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.ApplicationTest;
import org.gcmreview.cycle.CycleFixture;
import org.gcmreview.cycle.TestSmtp;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 14 part 8, "mail down for a day": with the mail server refusing connections, the drafting reminders of a
 * real cycle still fire, the process moves on with no failed job and no incident, and the mails wait in the
 * outbox; the sender retries them with growing waits all day; once the server is back they are delivered. A mail
 * that fails {@code max-attempts} times is shown to the administrator, who can retry it.
 */
@ApplicationTest(properties = {"gcm.mail.enabled=true", "gcm.mail.outbox.max-attempts=20",
        "gcm.mail.outbox.first-retry=1m", "gcm.mail.outbox.longest-wait=1h"})
class MailOutageTest {

    /** Nothing listens here until a test starts the server: connections are refused. */
    static final int SMTP_PORT = TestSmtp.freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.sendMailTo(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    OutboxSender sender;
    @Autowired
    MailOutbox outbox;

    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    GreenMail smtp;

    @BeforeEach
    void mailServerDown() {
        jdbc.sql("delete from mail_outbox").update();
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void mailDownForADayHoldsUpNothingAndLosesNothing() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        // ministries of this test alone: one reminder each, to its one focal point
        String code = "M" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        CurrentUser interior = users.ministry("KEN", code + "A");
        CurrentUser labour = users.ministry("KEN", code + "B");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        String instance = cycles.processInstanceId(cycleId);

        // the reminders fall due while the mail server refuses every connection
        ClockUtil.setCurrentTime(Date.from(CycleFixture.inDays(23).atTime(9, 0).toInstant(ZoneOffset.UTC)));
        List<Job> timers = managementService.createJobQuery().processInstanceId(instance).timers().executable().list();
        assertThat(timers).hasSize(2);
        timers.forEach(job -> managementService.executeJob(job.getId()));
        List<Job> mailJobs = managementService.createJobQuery().processInstanceId(instance).messages().executable()
                .list();
        assertThat(mailJobs).isNotEmpty();
        mailJobs.forEach(job -> managementService.executeJob(job.getId()));

        // the process moved on: no job left to retry, none failed, no incident; drafting goes on
        assertThat(managementService.createJobQuery().processInstanceId(instance).executable().list()).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(instance).withException().count()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'DRAFTING_REMINDER_SENT' "
                + "and subject_id = ?").param(String.valueOf(cycleId)).query(Long.class).single()).isEqualTo(2);

        // the two reminders wait in the outbox (tried at most once on the way: after a refusal, the work path
        // leaves sending to the poller for a minute)
        assertThat(outboxRows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat((Integer) row.get("attempts")).isLessThanOrEqualTo(1);
        });

        // the sender keeps trying all day, each time refused, waiting longer each time
        Instant start = Instant.now();
        for (int hour = 0; hour <= 24; hour += 2) {
            assertThat(sender.deliverDue(start.plus(Duration.ofHours(hour)))).isZero();
        }
        assertThat(outboxRows()).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("PENDING");
            assertThat((Integer) row.get("attempts")).isBetween(8, 19);
            assertThat((String) row.get("last_error")).containsIgnoringCase("connect");
        });
        assertThat(jdbc.sql("select count(*) from mail_outbox where status = 'FAILED'").query(Long.class).single())
                .isZero();

        // the mail server is back: the next round delivers both, each to its ministry
        startMailServer();
        assertThat(sender.deliverDue(start.plus(Duration.ofHours(26)))).isEqualTo(2);
        assertThat(outboxRows()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SENT"));
        List<TestSmtp.Received> mails = received();
        assertThat(mails).hasSize(2);
        assertThat(mails).anySatisfy(m -> assertThat(m.to()).containsExactly(interior.email()));
        assertThat(mails).anySatisfy(m -> assertThat(m.to()).containsExactly(labour.email()));
        assertThat(mails).allSatisfy(m -> assertThat(m.subject()).startsWith("Reminder: GCM review "));
        // and nothing is sent twice
        assertThat(sender.deliverDue(start.plus(Duration.ofHours(30)))).isZero();
        assertThat(received()).hasSize(2);
    }

    @Test
    void aMailThatFinallyFailsIsShownToTheAdministratorWhoCanRetryIt() throws Exception {
        long id = outbox.enqueue(List.of("amina@example.org"), "Set your password", "The link: ...", null);
        Instant start = Instant.now();
        int rounds = 0;
        while ("PENDING".equals(statusOf(id)) && rounds < 100) {
            sender.deliverDue(start.plus(Duration.ofHours(2L * rounds++)));
        }
        assertThat(statusOf(id)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select attempts from mail_outbox where id = ?").param(id).query(Integer.class).single())
                .isEqualTo(20);
        // a failed mail is not tried again on its own
        assertThat(sender.deliverDue(start.plus(Duration.ofDays(30)))).isZero();

        CurrentUser admin = users.admin();
        mvc.perform(get("/admin/notices").with(TestUsers.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Set your password"),
                        org.hamcrest.Matchers.containsString("amina@example.org"),
                        org.hamcrest.Matchers.containsString("/admin/notices/" + id + "/retry"))));

        startMailServer();
        mvc.perform(post("/admin/notices/" + id + "/retry").with(TestUsers.as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/notices"));
        // tried once the retry was committed, and delivered
        assertThat(statusOf(id)).isEqualTo("SENT");
        assertThat(received()).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("amina@example.org");
            assertThat(m.subject()).isEqualTo("Set your password");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'MAIL_RETRIED' and subject_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isOne();
        mvc.perform(get("/admin/notices").with(TestUsers.as(admin))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("/admin/notices/" + id + "/retry"))));
        // a mail that has not failed cannot be retried
        mvc.perform(post("/admin/notices/" + id + "/retry").with(TestUsers.as(admin)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    private List<Map<String, Object>> outboxRows() {
        return jdbc.sql("select status, attempts, last_error from mail_outbox order by id").query().listOfRows();
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single();
    }

    private void startMailServer() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
    }

    private List<TestSmtp.Received> received() {
        MimeMessage[] messages = smtp.getReceivedMessages();
        return java.util.Arrays.stream(messages).map(TestSmtp.Received::of).distinct().toList();
    }
}
