package org.gcmreview.cycle;

import static org.gcmreview.support.Timestamps.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.processes.NationalReview;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issue 14.5: a coordinator withdraws a cycle at any stage, with a reason; an administrator reopens a cycle
 * withdrawn by mistake. Withdrawing stores the reason and correlates national-review's interrupting
 * {@code ReviewWithdrawn} event, whose steps (WithdrawReview) do the rest in the same transaction. Reopening
 * restarts the ended instance with its last variables, before the activity of the stage it was withdrawn from.
 */
@Component("cycleWithdrawals")
public class CycleWithdrawals {

    static final int REASON_MAX = 2000;

    /**
     * Where each stage picks up again. A submitted cycle's submissions were withdrawn, so it is submitted anew; from
     * the first endorsement on, publication and the hand-over both start again (issue 14.3).
     */
    static final Map<CycleStatus, String> RESTART_BEFORE = Map.ofEntries(
            Map.entry(CycleStatus.SCOPING, NationalReview.SCOPE_REVIEW),
            Map.entry(CycleStatus.DRAFTING, NationalReview.NATIONAL_DRAFTING),
            Map.entry(CycleStatus.CONSOLIDATION, NationalReview.CONSOLIDATE_REPORT),
            Map.entry(CycleStatus.CONSULTATION, NationalReview.STAKEHOLDER_CONSULTATION),
            Map.entry(CycleStatus.SIGN_OFF, NationalReview.SIGN_OFF_ROUND_MERGE),
            Map.entry(CycleStatus.ENDORSEMENT, NationalReview.ENDORSE_FINAL_REPORT),
            Map.entry(CycleStatus.READY_TO_SUBMIT, NationalReview.PUBLICATION_AND_HANDOVER_FORK),
            Map.entry(CycleStatus.SUBMITTED, NationalReview.PUBLICATION_AND_HANDOVER_FORK),
            Map.entry(CycleStatus.CLARIFICATION_REQUESTED, NationalReview.PUBLICATION_AND_HANDOVER_FORK),
            Map.entry(CycleStatus.ACKNOWLEDGED, NationalReview.PUBLICATION_AND_HANDOVER_FORK));

    private static final String SELECT = """
            select w.id, w.cycle_id, c.business_key, c.country_iso3, w.stage, w.reason, wb.display_name as withdrawn_by,
                   w.withdrawn_at, w.process_instance_id, rb.display_name as reopened_by, w.reopened_at, w.reopen_reason
              from cycle_withdrawal w join review_cycle c on c.id = w.cycle_id
              join app_user wb on wb.id = w.withdrawn_by left join app_user rb on rb.id = w.reopened_by
            """;

    private final ReviewCycles cycles;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuditLog audit;
    private final CycleMessages messages;

    CycleWithdrawals(ReviewCycles cycles, JdbcClient jdbc, RuntimeService runtime, HistoryService history,
            AuditLog audit, CycleMessages messages) {
        this.cycles = cycles;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
        this.messages = messages;
    }

    /** A cycle can be withdrawn while its process runs: not once published, nor twice. */
    public boolean withdrawable(ReviewCycle cycle) {
        return cycle.status() != CycleStatus.WITHDRAWN && cycle.status() != CycleStatus.PUBLISHED
                && cycle.processInstanceId() != null;
    }

    /** The latest withdrawal of the cycle, reopened or not (pages show why a cycle stopped). */
    public Optional<Withdrawal> latest(long cycleId) {
        return jdbc.sql(SELECT + " where w.cycle_id = ? order by w.withdrawn_at desc, w.id desc limit 1")
                .param(cycleId).query(this::map).optional();
    }

    /** Withdrawn cycles of every country waiting for nothing but, perhaps, an administrator: newest first. */
    List<Withdrawal> waitingToBeReopened() {
        return jdbc.sql(SELECT + " where w.reopened_at is null order by w.withdrawn_at desc, w.id desc limit 200")
                .query(this::map).list();
    }

    /**
     * @return field errors; empty when the cycle was withdrawn
     * @throws WithdrawalRefusedException when the cycle is not running any more
     */
    @Transactional
    public Map<String, String> withdraw(long cycleId, CurrentUser user, String rawReason) {
        ReviewCycle cycle = cycles.findSteerable(cycleId, user);
        cycles.lock(cycleId);
        cycle = cycles.findById(cycleId).orElseThrow();
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            return Map.of("reason", messages.get("cycle.withdraw.error.reason", REASON_MAX));
        }
        if (!withdrawable(cycle) || runtime.createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId()).active().count() == 0) {
            throw new WithdrawalRefusedException(messages.get("cycle.withdraw.error.notRunning"));
        }
        long withdrawalId = jdbc.sql("""
                insert into cycle_withdrawal (cycle_id, stage, reason, withdrawn_by, process_instance_id)
                values (?, ?, ?, ?, ?) returning id""")
                .params(cycleId, cycle.status().name(), reason, user.id(), cycle.processInstanceId())
                .query(Long.class).single();
        runtime.createMessageCorrelation(NationalReview.MESSAGE_REVIEW_WITHDRAWN)
                .processInstanceId(cycle.processInstanceId()).correlateWithResult();
        audit.record(AuditEntry.of(user.username(), "CYCLE_WITHDRAWN", cycle.countryIso3(), "review_cycle", cycleId,
                "at stage " + cycle.status() + " (withdrawal " + withdrawalId + "): " + reason));
        return Map.of();
    }

    /**
     * The administrator's undo: a new instance of the cycle's process, with the variables the withdrawn one ended
     * with, starts before the activity of the stage it was withdrawn from. What the withdrawal closed stays closed
     * and on record (the consultation's notice, withdrawn submissions): the cycle goes on from there.
     *
     * @return field errors; empty when the cycle was reopened
     */
    @Transactional
    public Map<String, String> reopen(long cycleId, CurrentUser admin, String rawReason) {
        if (!admin.is(Role.ADMIN)) {
            throw new AccessDeniedException("Only an administrator reopens a withdrawn cycle");
        }
        if (cycles.findById(cycleId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such review cycle");
        }
        cycles.lock(cycleId);
        Withdrawal withdrawal = latest(cycleId).filter(w -> !w.reopened())
                .orElseThrow(() -> new WithdrawalRefusedException(messages.get("cycle.reopen.error.notWithdrawn")));
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.isEmpty() || reason.length() > REASON_MAX) {
            return Map.of("reason", messages.get("cycle.withdraw.error.reason", REASON_MAX));
        }
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceId(withdrawal.processInstanceId()).finished().singleResult();
        if (ended == null) {
            // the withdrawal's last job (telling the rounds) has not run yet
            throw new WithdrawalRefusedException(messages.get("cycle.reopen.error.stillEnding"));
        }
        String activity = RESTART_BEFORE.getOrDefault(withdrawal.stage(), NationalReview.SCOPE_REVIEW);
        runtime.restartProcessInstances(ended.getProcessDefinitionId()).startBeforeActivity(activity)
                .processInstanceIds(ended.getId()).execute();
        ProcessInstance reopened = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(withdrawal.businessKey()).processDefinitionKey(NationalReview.PROCESS)
                .active().singleResult();
        cycles.attachProcessInstance(cycleId, reopened.getId());
        if (cycles.findById(cycleId).orElseThrow().status() == CycleStatus.WITHDRAWN) {
            // a restart before a gateway or a call activity's timer creates no task that would set the stage
            cycles.updateStatus(cycleId, withdrawal.stage());
        }
        jdbc.sql("update cycle_withdrawal set reopened_by = ?, reopened_at = now(), reopen_reason = ? where id = ?")
                .params(admin.id(), reason, withdrawal.id()).update();
        audit.record(AuditEntry.of(admin.username(), "CYCLE_REOPENED", withdrawal.countryIso3(), "review_cycle",
                cycleId, "before " + activity + " (withdrawn at stage " + withdrawal.stage() + "), instance "
                        + reopened.getId() + ": " + reason));
        return Map.of();
    }

    private Withdrawal map(ResultSet rs, int row) throws SQLException {
        return new Withdrawal(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("business_key"),
                rs.getString("country_iso3").trim(), CycleStatus.valueOf(rs.getString("stage")),
                rs.getString("reason"), rs.getString("withdrawn_by"), instant(rs.getTimestamp("withdrawn_at")),
                rs.getString("process_instance_id"), rs.getString("reopened_by"),
                instant(rs.getTimestamp("reopened_at")), rs.getString("reopen_reason"));
    }
}
