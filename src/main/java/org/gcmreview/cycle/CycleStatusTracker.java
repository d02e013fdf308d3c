package org.gcmreview.cycle;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gcmreview.processes.NationalReview;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps review_cycle.status and last_activity_at in step with the national process, so lists and progress
 * pages read a column instead of asking Camunda.
 *
 * <p>Camunda's Spring Boot starter publishes every task and execution event as a Spring event
 * ({@code camunda.bpm.eventing.task} / {@code .execution}, both on by default). The listeners run
 * synchronously inside the engine's command, i.e. in the same transaction as the step that caused them, so
 * the status can never disagree with the process. The stage is derived from which user task was just created
 * (the BPMN stays free of listener wiring); the consultation is the exception, because it starts with a timer
 * rather than a task, so its call activity's start is watched instead. SUBMITTED and later statuses are set
 * by the submission delegates.
 */
@Component
class CycleStatusTracker {

    static final Map<String, CycleStatus> STATUS_BY_TASK = Map.of(
            "ScopeReview", CycleStatus.SCOPING,
            "DraftContribution", CycleStatus.DRAFTING,
            "ConsolidateReport", CycleStatus.CONSOLIDATION,
            "RespondToInputs", CycleStatus.CONSULTATION,
            "ReviseDraftAfterConsultation", CycleStatus.CONSOLIDATION,
            "SignOffReport", CycleStatus.SIGN_OFF,
            "ReviseRequestedSections", CycleStatus.SIGN_OFF,
            "EndorseFinalReport", CycleStatus.ENDORSEMENT,
            "SubmitToRegionalReview", CycleStatus.READY_TO_SUBMIT);

    static final String CONSULTATION_CALL_ACTIVITY = NationalReview.STAKEHOLDER_CONSULTATION;

    private final ReviewCycles cycles;

    CycleStatusTracker(ReviewCycles cycles) {
        this.cycles = cycles;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void taskCreated(DelegateTask task) {
        Long cycleId = cycleId(task);
        if (cycleId == null) {
            return;
        }
        CycleStatus status = STATUS_BY_TASK.get(task.getTaskDefinitionKey());
        if (status != null) {
            cycles.updateStatus(cycleId, status);
        } else {
            cycles.touch(cycleId);
        }
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void taskCompleted(DelegateTask task) {
        Long cycleId = cycleId(task);
        if (cycleId != null) {
            cycles.touch(cycleId);
        }
    }

    @EventListener(condition = "#execution.eventName == 'start'")
    public void activityStarted(DelegateExecution execution) {
        if (!CONSULTATION_CALL_ACTIVITY.equals(execution.getCurrentActivityId())) {
            return;
        }
        Long cycleId = cycleId(execution);
        if (cycleId != null) {
            cycles.updateStatus(cycleId, CycleStatus.CONSULTATION);
        }
    }

    /** Only the national process and the consultation it calls carry a cycleId; other processes are ignored. */
    private static Long cycleId(VariableScope scope) {
        return scope.getVariable(NationalReview.VAR_CYCLE_ID) instanceof Number n ? n.longValue() : null;
    }
}
