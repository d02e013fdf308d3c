package org.gcmreview.cycle;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.processes.StakeholderConsultation;
import org.springframework.stereotype.Component;

/**
 * Makes the running processes of a cycle follow its plan (issue 14.1): the process variables the timers read,
 * the due dates of the timers already waiting and of the drafting tasks. A timer's job is moved with
 * {@link ManagementService#setJobDuedate(String, Date, boolean)} (cascading to the repetitions of a repeating
 * escalation), so nothing is restarted and the history stays as it was.
 */
@Component
class RunningPlan {

    static final String DRAFT_CONTRIBUTION = "DraftContribution";
    static final String DRAFTING_REMINDER_TIMER = "DraftingReminderTimer";
    static final String DRAFTING_OVERDUE_TIMER = "DraftingOverdueTimer";
    static final String WINDOW_OPENS_TIMER = "WindowOpensTimer";
    static final String WINDOW_CLOSES_TIMER = "WindowClosesTimer";
    static final String SIGN_OFF_REPORT = "SignOffReport";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final WaitingTasks waitingTasks;

    RunningPlan(RuntimeService runtime, ManagementService management, TaskService tasks, HistoryService history,
            RepositoryService repository, WaitingTasks waitingTasks) {
        this.waitingTasks = waitingTasks;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
    }

    /** The process variables of a plan, as scoping hands them to national-review. */
    static Map<String, Object> variables(CyclePlan plan) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(NationalReview.VAR_DRAFTING_DUE, Deadlines.endOf(plan.draftingDue()));
        variables.put(NationalReview.VAR_DRAFTING_REMINDER_AT, Deadlines.morningOf(plan.reminderDate()));
        variables.put(NationalReview.VAR_CONSULTATION_OPENS_AT, Deadlines.startOf(plan.consultationOpens()));
        variables.put(NationalReview.VAR_CONSULTATION_CLOSES_AT, Deadlines.endOf(plan.consultationCloses()));
        // ISO 8601, as the sign-off timers read it (a timeDate accepts the text as it is)
        variables.put(NationalReview.VAR_SIGN_OFF_DUE, Deadlines.endOf(plan.signOffDue()).toInstant().toString());
        // issue 14.2: EndorseFinalReport and SubmitToRegionalReview are due on these while they are ahead
        if (plan.endorsementDue() != null) {
            variables.put(NationalReview.VAR_ENDORSEMENT_DUE, Deadlines.endOf(plan.endorsementDue()));
        }
        if (plan.internalSubmission() != null) {
            variables.put(NationalReview.VAR_INTERNAL_SUBMISSION_DUE, Deadlines.endOf(plan.internalSubmission()));
        }
        return variables;
    }

    /**
     * Whether the stage a milestone belongs to is over, so that changing its date means nothing any more:
     * drafting has ended, the window has opened or closed, the report went past sign-off, endorsement or
     * submission.
     */
    boolean reached(ReviewCycle cycle, Milestone milestone) {
        if (cycle.status() == CycleStatus.WITHDRAWN || cycle.published()) {
            return true;
        }
        String national = cycle.processInstanceId();
        return switch (milestone) {
            case DRAFTING_DUE -> started(national, NationalReview.CONSOLIDATE_REPORT);
            case CONSULTATION_OPENS -> finished(national, NationalReview.STAKEHOLDER_CONSULTATION)
                    || consultation(cycle) != null && timers(consultation(cycle).getId(), WINDOW_OPENS_TIMER).isEmpty();
            case CONSULTATION_CLOSES -> finished(national, NationalReview.STAKEHOLDER_CONSULTATION);
            case SIGN_OFF_DUE -> after(cycle, CycleStatus.SIGN_OFF);
            case ENDORSEMENT_DUE -> after(cycle, CycleStatus.ENDORSEMENT);
            case INTERNAL_SUBMISSION -> after(cycle, CycleStatus.READY_TO_SUBMIT);
        };
    }

    /** Moves the running instances of the cycle onto the new plan. */
    void follow(ReviewCycle cycle, CyclePlan before, CyclePlan plan) {
        String national = cycle.processInstanceId();
        if (national == null || runtime.createProcessInstanceQuery().processInstanceId(national).count() == 0) {
            return;
        }
        Map<String, Object> variables = variables(plan);
        runtime.setVariables(national, variables);
        if (!before.draftingDue().equals(plan.draftingDue()) || before.reminderDays() != plan.reminderDays()) {
            Date due = (Date) variables.get(NationalReview.VAR_DRAFTING_DUE);
            move(timers(national, DRAFTING_REMINDER_TIMER),
                    (Date) variables.get(NationalReview.VAR_DRAFTING_REMINDER_AT));
            move(timers(national, DRAFTING_OVERDUE_TIMER), due);
            tasks.createTaskQuery().processInstanceId(national).taskDefinitionKey(DRAFT_CONTRIBUTION).list()
                    .forEach(task -> tasks.setDueDate(task.getId(), due));
        }
        ProcessInstance consultation = consultation(cycle);
        if (consultation != null) {
            runtime.setVariable(consultation.getId(), StakeholderConsultation.VAR_OPENS_AT,
                    variables.get(NationalReview.VAR_CONSULTATION_OPENS_AT));
            runtime.setVariable(consultation.getId(), StakeholderConsultation.VAR_CLOSES_AT,
                    variables.get(NationalReview.VAR_CONSULTATION_CLOSES_AT));
            move(timers(consultation.getId(), WINDOW_OPENS_TIMER),
                    (Date) variables.get(NationalReview.VAR_CONSULTATION_OPENS_AT));
            move(timers(consultation.getId(), WINDOW_CLOSES_TIMER),
                    (Date) variables.get(NationalReview.VAR_CONSULTATION_CLOSES_AT));
        }
        followWaitingTasks(national, variables(before), variables);
        long shift = ChronoUnit.DAYS.between(before.signOffDue(), plan.signOffDue());
        if (shift != 0) {
            // the sign-off reminders and escalations (attached to SignOffReport) move by as much as the due date
            for (Job job : signOffTimers(national)) {
                if (job.getDuedate() != null) {
                    management.setJobDuedate(job.getId(),
                            Date.from(job.getDuedate().toInstant().plus(shift, ChronoUnit.DAYS)), true);
                }
            }
        }
    }

    /**
     * Issue 14.2: an open task due on a planned date (endorsement, internal submission, consolidation before the
     * window opens) follows the new date while it is ahead: its due date, and its reminder and escalation timers.
     * A new date already passed leaves the task as it is (it is already overdue or escalating).
     */
    private void followWaitingTasks(String national, Map<String, Object> before, Map<String, Object> after) {
        Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
        for (Map.Entry<String, Object> planned : after.entrySet()) {
            if (!(planned.getValue() instanceof Date due) || due.equals(before.get(planned.getKey()))
                    || !due.after(now)) {
                continue;
            }
            for (String taskKey : WaitingTasks.tasksPlannedBy(planned.getKey())) {
                for (org.camunda.bpm.engine.task.Task task : tasks.createTaskQuery().processInstanceId(national)
                        .taskDefinitionKey(taskKey).list()) {
                    tasks.setDueDate(task.getId(), due);
                    runtime.setVariableLocal(task.getExecutionId(), WaitingTasks.VAR_DUE, due);
                    for (Job job : timersAttachedTo(national, taskKey)) {
                        boolean repeating = job instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity timer
                                && timer.getRepeat() != null;
                        management.setJobDuedate(job.getId(), repeating ? due : waitingTasks.reminderAt(due),
                                repeating);
                    }
                }
            }
        }
    }

    /** The timer jobs of every timer event attached to SignOffReport in this instance's model, whatever they are. */
    List<Job> signOffTimers(String processInstanceId) {
        return timersAttachedTo(processInstanceId, SIGN_OFF_REPORT);
    }

    private List<Job> timersAttachedTo(String processInstanceId, String taskKey) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            return List.of();
        }
        Set<String> timerIds = repository.getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo() != null && taskKey.equals(b.getAttachedTo().getId()))
                .filter(b -> b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .map(BoundaryEvent::getId).collect(Collectors.toSet());
        if (timerIds.isEmpty()) {
            return List.of();
        }
        return management.createJobQuery().processInstanceId(processInstanceId).timers().list().stream()
                .filter(job -> timerIds.contains(activityOf(job))).toList();
    }

    private String activityOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private void move(List<Job> jobs, Date due) {
        jobs.forEach(job -> management.setJobDuedate(job.getId(), due, true));
    }

    private List<Job> timers(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
                .list();
    }

    private ProcessInstance consultation(ReviewCycle cycle) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(StakeholderConsultation.PROCESS)
                .processInstanceBusinessKey(cycle.businessKey()).singleResult();
    }

    private boolean finished(String processInstanceId, String activityId) {
        return processInstanceId != null && history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).activityId(activityId).finished().count() > 0;
    }

    /** Drafting is over once consolidation has begun (every ministry's branch has ended). */
    private boolean started(String processInstanceId, String activityId) {
        return processInstanceId != null && history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).activityId(activityId).count() > 0;
    }

    private static boolean after(ReviewCycle cycle, CycleStatus stage) {
        CycleStatus s = cycle.status() == CycleStatus.CLARIFICATION_REQUESTED ? CycleStatus.SUBMITTED : cycle.status();
        return s.ordinal() > stage.ordinal();
    }

}
