package org.gcmreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.gcmreview.ApplicationTest;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14.2: the reminder and the escalation of a waiting task timed by {@link WaitingTasks} (here consolidation)
 * reach the coordinator as notices of the right kind, naming the task, and are audited.
 */
@ApplicationTest
class WaitingTaskAlertsTest {

    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    CycleFixture cycles;

    @Test
    void theCoordinatorIsRemindedOfConsolidationAndAlertedWhenItIsOverdue() throws Exception {
        CurrentUser coordinator = users.coordinator("KEN");
        long cycleId = cycles.reachConsolidation(coordinator, users.ministry("KEN", "INTERIOR"));
        String instance = cycles.processInstanceId(cycleId);

        fire(instance, "ConsolidationReminderTimer", "RemindConsolidation");
        fire(instance, "ConsolidationOverdueTimer", "EscalateConsolidation");

        assertThat(jdbc.sql("""
                select action from audit_event where subject_type = 'review_cycle' and subject_id = ?
                   and details like 'ConsolidateReport, due %' order by id""").param(String.valueOf(cycleId))
                .query(String.class).list()).containsExactly("TASK_REMINDER_SENT", "TASK_OVERDUE_ESCALATED");
        assertThat(jdbc.sql("""
                select kind from notice where user_id = ? and message_key like 'cycle.mail.task%' and link = ?
                 order by id""").param(coordinator.id()).param("/cycles/" + cycleId).query(String.class).list())
                .containsExactly("DUE_SOON", "OVERDUE");
    }

    /** Brings the timer forward and runs it, then the notice's own job (unless the job executor already did). */
    private void fire(String instance, String timer, String notice) {
        Job job = management.createJobQuery().processInstanceId(instance).activityId(timer).timers().singleResult();
        management.setJobDuedate(job.getId(), new Date(System.currentTimeMillis() - 1000));
        management.executeJob(job.getId());
        // the notice is its own asynchronous job; the job executor may hold its lock for a moment
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Job> pending = management.createJobQuery().processInstanceId(instance).activityId(notice).list();
            if (pending.isEmpty()) {
                return true;
            }
            try {
                management.executeJob(pending.get(0).getId());
                return true;
            } catch (RuntimeException lockedByTheJobExecutor) {
                return false;
            }
        });
    }
}
