package org.gcmreview.submission;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps exactly one regional-review (or imrf-review) instance per round. A round's instance starts with the
 * first report submitted to it, not when the round is created, so rounds nobody reports to cost nothing.
 */
@Service
public class RoundProcesses {

    private static final Logger log = LoggerFactory.getLogger(RoundProcesses.class);

    private final ReviewRounds rounds;
    private final RuntimeService runtimeService;
    private final AuditLog audit;

    RoundProcesses(ReviewRounds rounds, RuntimeService runtimeService, AuditLog audit) {
        this.rounds = rounds;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /**
     * The id of the round's running process instance, started now if there is none. Two national hand-overs
     * arriving at once cannot both start one: the round row stays locked until the caller's transaction
     * commits, and the second caller then sees the first one's instance.
     *
     * @throws RoundClosedException when the round's secretariat has closed it
     */
    @Transactional
    public String ensureRunning(long roundId) {
        ReviewRound round = rounds.lock(roundId);
        if (round.closed()) {
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
                    "commissionCode", round.commissionCode(),
                    "roundId", round.id(),
                    "secretariatGroup", round.secretariatGroup(),
                    "submissionDeadline", deadline);
        }
        return Map.of(
                "roundId", round.id(),
                "secretariatGroup", round.secretariatGroup(),
                "submissionDeadline", deadline);
    }
}
