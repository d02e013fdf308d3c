package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The drafting timers of the real process and their delegates: the reminder goes to the users of the ministry
 * the branch is for, the escalation to the country's coordinators. Mail is off in tests (the default), so
 * the audit trail records who would have been mailed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DraftingTimersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    @Test
    void remindersGoToEachMinistryAndEscalationsToTheCoordinators() throws Exception {
        TestUsers users = new TestUsers(jdbc);
        CycleFixture cycles = new CycleFixture(mvc, jdbc, taskService, runtimeService);
        CurrentUser coordinator = users.coordinator("KEN");
        CurrentUser interior = users.ministry("KEN", "INTERIOR");
        CurrentUser labour = users.ministry("KEN", "LABOUR");
        long cycleId = cycles.start(coordinator, CycleFixture.uniqueCode());
        mvc.perform(cycles.scopeForm(cycles.task(cycleId, "ScopeReview").getId(), coordinator,
                        List.of(interior.ministryId(), labour.ministryId()),
                        Map.of(1, interior.ministryId(), 2, labour.ministryId())))
                .andExpect(redirectedUrl("/tasks"));
        String instance = cycles.processInstanceId(cycleId);

        runJobs(instance, "DraftingReminderTimer", 2);
        runJobs(instance, "SendDraftingReminder", 2);

        List<String> reminders = details(cycleId, "DRAFTING_REMINDER_SENT");
        assertThat(reminders).hasSize(2);
        assertThat(reminders).anySatisfy(d -> assertThat(d).startsWith("INTERIOR:").contains(interior.email())
                .doesNotContain(labour.email()).contains("logged only"));
        assertThat(reminders).anySatisfy(d -> assertThat(d).startsWith("LABOUR:").contains(labour.email())
                .doesNotContain(interior.email()));

        runJobs(instance, "DraftingOverdueTimer", 2);
        runJobs(instance, "EscalateOverdueDrafting", 2);
        List<String> escalations = details(cycleId, "DRAFTING_OVERDUE_ESCALATED");
        assertThat(escalations).hasSize(2).allSatisfy(d -> assertThat(d).contains(coordinator.email())
                .doesNotContain(interior.email()));
        assertThat(escalations).anySatisfy(d -> assertThat(d).startsWith("INTERIOR overdue"));

        // the timers do not interrupt drafting
        assertThat(cycles.openTasks(cycleId, "DraftContribution")).isEqualTo(2);
    }

    private void runJobs(String processInstanceId, String activityId, int expected) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).list();
        assertThat(jobs).as("jobs at %s", activityId).hasSize(expected);
        jobs.forEach(job -> managementService.executeJob(job.getId()));
    }

    private List<String> details(long cycleId, String action) {
        return jdbc.sql("select details from audit_event where action = ? and subject_id = ? and actor = 'system'")
                .params(action, String.valueOf(cycleId)).query(String.class).list();
    }
}
