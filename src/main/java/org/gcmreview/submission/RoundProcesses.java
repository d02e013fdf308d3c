package org.gcmreview.submission;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.processes.RegionalReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps exactly one regional-review (or imrf-review) instance per round. A round's instance starts with the
 * first report submitted to it, not when the round is created, so rounds nobody reports to cost nothing.
 */
@Service
public class RoundProcesses {

    private static final Logger log = LoggerFactory.getLogger(RoundProcesses.class);

    /** regional-review's boundary timer on the round's deadline. */
    static final String DEADLINE_TIMER = RegionalReview.SUBMISSION_DEADLINE_TIMER;

    private final ReviewRounds rounds;
    private final RuntimeService runtimeService;
    private final AuditLog audit;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final ManagementService managementService;
    private final LateReviews lateReviews;

    RoundProcesses(ReviewRounds rounds, RuntimeService runtimeService, AuditLog audit,
            ProcessEngineConfigurationImpl engineConfiguration, ManagementService managementService,
            LateReviews lateReviews) {
        this.rounds = rounds;
        this.lateReviews = lateReviews;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.audit = audit;
        this.engineConfiguration = engineConfiguration;
    }

    /**
     * The id of the round's running process instance, started now if there is none.
     *
     * <p>Runs in a transaction and engine command of its own, committed before this method returns. The caller
     * (a hand-over job) correlates a message to the instance next: the engine finds message subscriptions by
     * querying the database, so an instance started inside the caller's own command would not be found yet.
     * It also means a started round stays started when the hand-over that needed it fails and is retried.
     *
     * <p>Two hand-overs arriving at once cannot both start one: the round row is locked while the instance is
     * looked up and started, and the second caller then finds the first one's instance. The lock is
     * {@code for no key update}, so it does not wait for callers that merely reference the round.
     *
     * @throws RoundClosedException when the round's secretariat has closed it
     */
    public String ensureRunning(long roundId) {
        return engineConfiguration.getCommandExecutorTxRequiresNew()
                .execute(commandContext -> startOrFind(roundId, null));
    }

    /**
     * As {@link #ensureRunning(long)} for a report of this cycle: a closed round still takes it when its
     * secretariat accepted the cycle late when closing.
     */
    public String ensureRunning(long roundId, long cycleId) {
        return engineConfiguration.getCommandExecutorTxRequiresNew()
                .execute(commandContext -> startOrFind(roundId, cycleId));
    }

    /**
     * After the calendar moved a round's deadline: the running instance's variable and its deadline timer follow,
     * so the deadline notice comes on the new date. A timer that already fired stays fired (it is a one-off
     * notice); a round whose process has not started yet starts with the new date anyway.
     */
    public void deadlineChanged(ReviewRound round) {
        if (round.processInstanceId() == null || runtimeService.createProcessInstanceQuery()
                .processInstanceId(round.processInstanceId()).count() == 0) {
            return;
        }
        Date deadline = Date.from(round.deadlinePassesAt());
        runtimeService.setVariable(round.processInstanceId(), RegionalReview.VAR_SUBMISSION_DEADLINE, deadline);
        managementService.createJobQuery().processInstanceId(round.processInstanceId())
                .activityId(DEADLINE_TIMER).list()
                .forEach(job -> managementService.setJobDuedate(job.getId(), deadline));
    }

    private String startOrFind(long roundId, Long cycleId) {
        ReviewRound round = rounds.lock(roundId);
        if (round.closed() && (cycleId == null || !lateReviews.accepted(roundId, cycleId))) {
            throw new RoundClosedException(round);
        }
        if (round.processInstanceId() != null) {
            ProcessInstance running = runtimeService.createProcessInstanceQuery()
                    .processInstanceId(round.processInstanceId()).singleResult();
            if (running != null) {
                return running.getId();
            }
            // Not closed by the secretariat, yet its instance is gone (e.g. cancelled in Cockpit):
            // the round must go on receiving reports, so it gets a new instance.
            log.warn("Round {} had process instance {} which no longer runs; starting a new one", round.code(),
                    round.processInstanceId());
        }
        ProcessInstance started = runtimeService.startProcessInstanceByKey(round.kind().processDefinitionKey(),
                round.code(), startVariables(round));
        rounds.recordProcessInstance(round.id(), started.getId());
        audit.record(AuditEntry.of("system", "ROUND_PROCESS_STARTED", null, "review_round", round.id(),
                round.code() + " -> " + started.getId()));
        return started.getId();
    }

    private static Map<String, Object> startVariables(ReviewRound round) {
        Date deadline = Date.from(round.deadlinePassesAt());
        if (round.kind() == RoundKind.REGIONAL) {
            return Map.of(
                    RegionalReview.VAR_COMMISSION_CODE, round.commissionCode(),
                    RegionalReview.VAR_ROUND_ID, round.id(),
                    RegionalReview.VAR_SECRETARIAT_GROUP, round.secretariatGroup(),
                    RegionalReview.VAR_SUBMISSION_DEADLINE, deadline);
        }
        return Map.of(
                RegionalReview.VAR_ROUND_ID, round.id(),
                RegionalReview.VAR_SECRETARIAT_GROUP, round.secretariatGroup(),
                RegionalReview.VAR_SUBMISSION_DEADLINE, deadline);
    }
}
