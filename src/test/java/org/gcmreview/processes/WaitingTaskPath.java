package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gcmreview.processes.ProcessTestSupport.fireDueTimers;
import static org.gcmreview.processes.ProcessTestSupport.moveClockTo;
import static org.gcmreview.processes.ProcessTestSupport.runAsyncContinuations;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.gcmreview.cycle.WaitingTasks;
import org.springframework.core.env.StandardEnvironment;

/**
 * The path every waiting task timed by {@link WaitingTasks} has (issue 14.2), walked the same way in each process
 * test: the task is due on the expected date; its reminder fires the reminder period before and sends one notice;
 * from the due date its escalation fires, and fires again a week later (it repeats); the task is still open and
 * completes; its timers end with it and nothing ends in an incident.
 */
final class WaitingTaskPath {

    /** The defaults of application.yml (reminder two days before, escalation every week). */
    static WaitingTasks defaults() {
        return new WaitingTasks(new StandardEnvironment());
    }

    /** The waiting tasks' notices, recording: what {@link #walk} checks. */
    record Notices(RecordingDelegate reminders, RecordingDelegate escalations) {
    }

    /** Registers the waiting tasks' timers with their defaults, and their reminder and escalation delegates. */
    static Notices registerNotices() {
        Mocks.register("waitingTasks", defaults());
        return new Notices(RecordingDelegate.register("remindWaitingTask"),
                RecordingDelegate.register("escalateOverdueTask"));
    }

    /**
     * @param timers the prefix of the task's timer and notice ids, e.g. "Endorsement" for EndorsementReminderTimer,
     *        RemindEndorsement, EndorsementOverdueTimer, EscalateEndorsement
     */
    static void walk(ProcessEngine engine, String processInstanceId, String taskKey, String timers, Date expectedDue,
            Notices notices, Map<String, Object> completion) {
        RecordingDelegate reminders = notices.reminders();
        RecordingDelegate escalations = notices.escalations();
        var tasks = engine.getTaskService();
        var management = engine.getManagementService();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as(taskKey + " is open").isNotNull();
        assertThat(task.getDueDate()).as(taskKey + " due date").isEqualTo(expectedDue);
        int remindedBefore = reminders.calls().size();
        int escalatedBefore = escalations.calls().size();

        moveClockTo(Date.from(expectedDue.toInstant().minus(Duration.ofDays(2))));
        assertThat(fireDueTimers(management, timers + "ReminderTimer")).as("reminder fired").isEqualTo(1);
        assertThat(runAsyncContinuations(management, "Remind" + timers)).isEqualTo(1);
        assertThat(reminders.calls()).hasSize(remindedBefore + 1);
        assertThat(reminders.calls().get(remindedBefore).activityId()).isEqualTo("Remind" + timers);

        moveClockTo(expectedDue);
        assertThat(fireDueTimers(management, timers + "OverdueTimer")).as("first escalation").isEqualTo(1);
        assertThat(runAsyncContinuations(management, "Escalate" + timers)).isEqualTo(1);
        moveClockTo(Date.from(expectedDue.toInstant().plus(Duration.ofDays(7))));
        assertThat(fireDueTimers(management, timers + "OverdueTimer")).as("escalation repeats").isEqualTo(1);
        assertThat(runAsyncContinuations(management, "Escalate" + timers)).isEqualTo(1);
        assertThat(escalations.calls()).hasSize(escalatedBefore + 2);
        assertThat(escalations.calls().get(escalatedBefore).activityId()).isEqualTo("Escalate" + timers);

        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(taskKey + " still open").isEqualTo(1);
        assertThat(ProcessTestSupport.timersOf(management, timers + "OverdueTimer")).as("next escalation waiting")
                .hasSize(1);
        tasks.complete(task.getId(), completion);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .filter(job -> job.getDuedate() != null)
                .map(job -> management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId()))
                .as("the task's timers ended with it")
                .doesNotContain(timers + "ReminderTimer", timers + "OverdueTimer");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(processInstanceId).count())
                .isZero();
    }

    private WaitingTaskPath() {
    }
}
