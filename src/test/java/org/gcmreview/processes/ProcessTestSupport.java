package org.gcmreview.processes;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Time and job handling shared by the process tests. The engine clock is pinned to {@link #START} at the
 * beginning of every test (the Camunda extension resets it afterwards); timers only become executable when a
 * test moves the clock past their due date.
 */
final class ProcessTestSupport {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private ProcessTestSupport() {
    }

    /** The start of every process test: the BPMN assertions work on this engine, its clock stands at {@link #START}. */
    static void begin(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        pinClockToStart();
    }

    /** The end of every process test: the registered test doubles and the assertions' engine are forgotten. */
    static void end() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    static void pinClockToStart() {
        ClockUtil.setCurrentTime(Date.from(START));
    }

    /** A date {@code days} days after {@link #START}. */
    static Date day(long days) {
        return Date.from(START.plus(Duration.ofDays(days)));
    }

    static void moveClockTo(Date when) {
        ClockUtil.setCurrentTime(when);
    }

    /** The timer jobs of one timer event (boundary or intermediate), due or not. */
    static List<Job> timersOf(ManagementService management, String timerEventId) {
        return management.createJobQuery().timers().activityId(timerEventId).list();
    }

    /** Fires every timer of that event that is due at the current engine time; returns how many fired. */
    static int fireDueTimers(ManagementService management, String timerEventId) {
        List<Job> due = management.createJobQuery().timers().executable().activityId(timerEventId).list();
        due.forEach(job -> management.executeJob(job.getId()));
        return due.size();
    }

    /** Runs the asynchronous continuations waiting before an activity, as the job executor would. */
    static int runAsyncContinuations(ManagementService management, String activityId) {
        List<Job> jobs = management.createJobQuery().messages().activityId(activityId).list();
        jobs.forEach(job -> management.executeJob(job.getId()));
        return jobs.size();
    }

    static List<String> candidateGroups(TaskService tasks, Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /**
     * What the national process's sending beans do: correlates the submission message to the round's (or
     * edition's) instance, its variables into the event sub-process instance the message starts
     * ("ToTriggeredScope": variables set with setVariableLocal would land on the process instance and the next
     * submission would overwrite them).
     */
    static void submitToRound(RuntimeService runtime, String message, String roundBusinessKey,
            String nationalBusinessKey, long submissionId, String countryIso3) {
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(roundBusinessKey)
                .setVariablesToTriggeredScope(Map.of("nationalBusinessKey", nationalBusinessKey,
                        "submissionId", submissionId, "countryIso3", countryIso3))
                .correlate();
    }
}
