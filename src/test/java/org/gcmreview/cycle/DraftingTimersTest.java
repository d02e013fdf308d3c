package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CandidateGroups;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The drafting deadlines end to end: the real process's boundary timers, fired by moving Camunda's clock and
 * executing the jobs that are then due (as the job executor would), send real mail through Spring Mail to a
 * GreenMail SMTP server. Reminders go to the users of the ministry the branch is for, in their language;
 * escalations to the country's coordinators; both name the cycle and the objectives still open.
 */
@ApplicationTest(properties = "gcm.mail.enabled=true")
class DraftingTimersTest {

    static final int SMTP_PORT = TestSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = TestSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        TestSmtp.sendMailTo(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    CurrentUser coordinator;
    CurrentUser interior;
    CurrentUser interiorInFrench;
    CurrentUser labour;
    long cycleId;
    String businessKey;
    String instance;

    @BeforeEach
    void aScopedCycleWithSomeDraftingDone() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        coordinator = users.coordinator("KEN");
        interior = users.ministry("KEN", "INTERIOR");
        interiorInFrench = users.ministry("KEN", "INTERIOR");
        jdbc.sql("update app_user set preferred_language = 'fr' where id = ?").param(interiorInFrench.id()).update();
        labour = users.ministry("KEN", "LABOUR");
        cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        businessKey = cycles.businessKey(cycleId);
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 3, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        instance = cycles.processInstanceId(cycleId);

        // the Interior ministry has drafted objective 1 (status and narrative) but not objective 3
        long objective1 = jdbc.sql("select id from contribution where cycle_id = ? and ministry_id = ? "
                + "and objective_number = 1").params(cycleId, interior.ministryId()).query(Long.class).single();
        mvc.perform(post("/tasks/" + cycles.task(cycleId, "DraftContribution", CandidateGroups.ministry("KEN", "INTERIOR"))
                        .getId()).with(TestUsers.as(interior)).with(csrf()).param("action", "save")
                        .param("version-" + objective1, "0").param("status-" + objective1, "PLANNED")
                        .param("body-" + objective1, "A strategy is planned."))
                .andExpect(redirectedUrl("/tasks/" + cycles.task(cycleId, "DraftContribution",
                        CandidateGroups.ministry("KEN", "INTERIOR")).getId()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void beforeTheDueDateEachMinistryIsRemindedOfItsOpenObjectives() {
        // nothing is due yet
        assertThat(dueTimers()).isEmpty();
        assertThat(timers()).extracting(Job::getDuedate).containsOnly(
                at(CycleFixture.inDays(23), 8, 0), at(CycleFixture.inDays(30), 23, 59));

        moveClockTo(at(CycleFixture.inDays(23), 9, 0));
        assertThat(dueTimers()).as("only the reminders are due").hasSize(2)
                .allSatisfy(job -> assertThat(activity(job)).isEqualTo("DraftingReminderTimer"));
        runDueJobs();

        // the due date as each recipient's language writes it, never ISO
        String due = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).format(CycleFixture.inDays(30));
        String dueInFrench = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH).format(CycleFixture.inDays(30));
        List<TestSmtp.Received> mails = TestSmtp.mails(greenMail);
        assertThat(mails).filteredOn(m -> m.to().contains(interior.email())).singleElement().satisfies(m -> {
            assertThat(m.to()).doesNotContain(labour.email(), coordinator.email(), interiorInFrench.email());
            assertThat(m.subject()).isEqualTo("Reminder: GCM review " + businessKey + ", contribution due " + due);
            assertThat(m.body()).contains("has not yet submitted its contribution to “Review ", businessKey, due,
                    "Objectives still open:\n- Objective 3: ").doesNotContain("Objective 1:", "Objective 2:");
        });
        assertThat(mails).filteredOn(m -> m.to().contains(interiorInFrench.email())).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly(interiorInFrench.email());
            assertThat(m.subject()).startsWith("Rappel").contains(businessKey, dueInFrench);
            assertThat(m.body()).contains(businessKey, "Objectif 3").doesNotContain("Objectif 1");
        });
        assertThat(mails).filteredOn(m -> m.to().contains(labour.email())).singleElement().satisfies(m -> {
            assertThat(m.to()).doesNotContain(interior.email(), coordinator.email());
            assertThat(m.body()).contains(businessKey, "- Objective 2: ").doesNotContain("Objective 3:");
        });
        assertThat(mails).noneMatch(m -> m.to().contains(coordinator.email()));
        assertThat(audit("DRAFTING_REMINDER_SENT")).hasSize(2)
                .anySatisfy(d -> assertThat(d).startsWith("INTERIOR: mailed to").contains(interior.email())
                        .endsWith("open objectives [3]"));

        // the timers do not interrupt drafting, and each fired once
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isEqualTo(2);
        assertThat(dueTimers()).isEmpty();
        assertThat(timers()).extracting(this::activity).containsOnly("DraftingOverdueTimer");
    }

    @Test
    void whenTheDueDatePassesTheCoordinatorIsToldWhichMinistryIsLateWithWhichObjectives() throws Exception {
        // Labour submits in time; Interior does not
        cycles.submitContributions(cycleId, labour, "Done.");

        moveClockTo(at(CycleFixture.inDays(31), 0, 30));
        assertThat(dueTimers()).extracting(this::activity)
                .containsExactlyInAnyOrder("DraftingReminderTimer", "DraftingOverdueTimer");
        runDueJobs();

        List<TestSmtp.Received> escalations = TestSmtp.mails(greenMail).stream()
                .filter(m -> m.subject().startsWith("Overdue")).toList();
        String interiorName = cycles.ministryName(interior.ministryId());
        // one mail per person (each carries its recipient's own link to their mail settings)
        assertThat(escalations).noneMatch(m -> m.to().contains(interior.email()) || m.to().contains(labour.email()));
        assertThat(escalations).filteredOn(m -> m.to().contains(coordinator.email())).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly(coordinator.email());
            assertThat(m.subject()).isEqualTo("Overdue: contribution of " + interiorName + " to GCM review " + businessKey);
            assertThat(m.body()).contains("Dear coordinator", "The contribution of " + interiorName, businessKey,
                    "was due on " + DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
                            .format(CycleFixture.inDays(30)), "Objectives still open:\n- Objective 3: ")
                    .doesNotContain("Objective 1:");
        });
        assertThat(audit("DRAFTING_OVERDUE_ESCALATED")).singleElement().asString()
                .startsWith("INTERIOR overdue: mailed to").contains(coordinator.email());
        // issue 14.2: the escalation repeats a week later while Interior's task stays open
        assertThat(timers()).singleElement().satisfies(timer -> {
            assertThat(activity(timer)).isEqualTo("DraftingOverdueTimer");
            assertThat(timer.getDuedate()).isEqualTo(at(CycleFixture.inDays(37), 23, 59));
        });
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isOne();
    }

    private List<Job> timers() {
        return managementService.createJobQuery().processInstanceId(instance).timers().list();
    }

    /** The timer jobs due at Camunda's current time: what the job executor would pick up now. */
    private List<Job> dueTimers() {
        return managementService.createJobQuery().processInstanceId(instance).timers().executable().list();
    }

    /** Runs the due timers and then the asynchronous mail jobs they lead to, as the job executor would. */
    private void runDueJobs() {
        dueTimers().forEach(job -> managementService.executeJob(job.getId()));
        List<Job> mailJobs = managementService.createJobQuery().processInstanceId(instance).messages().executable()
                .list();
        assertThat(mailJobs).isNotEmpty();
        mailJobs.forEach(job -> managementService.executeJob(job.getId()));
        assertThat(managementService.createJobQuery().processInstanceId(instance).executable().list()).isEmpty();
    }

    /** The BPMN element a job belongs to (the timer's boundary event). */
    private String activity(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private List<String> audit(String action) {
        return jdbc.sql("select details from audit_event where action = ? and subject_id = ? and actor = 'system'")
                .params(action, String.valueOf(cycleId)).query(String.class).list();
    }

    private static void moveClockTo(Date time) {
        ClockUtil.setCurrentTime(time);
    }

    private static Date at(java.time.LocalDate day, int hour, int minute) {
        return Date.from(day.atTime(hour, minute).toInstant(ZoneOffset.UTC));
    }
}
