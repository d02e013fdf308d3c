package org.gcmreview.submission;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleWithdrawn;
import org.gcmreview.processes.ImrfReview;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.processes.RegionalReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A withdrawn cycle's open submissions (issue 14.5). In the withdrawal's transaction they become WITHDRAWN (the
 * secretariats' pages then show them so); afterwards, in national-review's TellRoundsOfWithdrawal job (bean
 * {@code tellRoundsOfWithdrawal}), each round's process is told with the message {@code SubmissionWithdrawn},
 * correlated to the execution whose local {@code submissionId} is that submission. Correlating to all and
 * possibly none: a round model that does not wait for the message loses nothing and fails nothing.
 */
@Component("tellRoundsOfWithdrawal")
class SubmissionWithdrawal implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWithdrawal.class);

    /** A withdrawn submission and the round instance reviewing it. */
    record Withdrawn(long submissionId, long roundId, RoundKind kind, String roundInstanceId) {
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final AuditLog audit;

    private final LateReviews lateReviews;

    SubmissionWithdrawal(JdbcClient jdbc, RuntimeService runtime, AuditLog audit, LateReviews lateReviews) {
        this.lateReviews = lateReviews;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.audit = audit;
    }

    @EventListener
    void on(CycleWithdrawn withdrawn) {
        List<Long> ids = jdbc.sql("""
                update submission set status = 'WITHDRAWN', responded_at = coalesce(responded_at, now())
                 where cycle_id = ? and status in ('SUBMITTED', 'CLARIFICATION_REQUESTED')
                returning id""").param(withdrawn.cycleId()).query(Long.class).list();
        ids.forEach(id -> audit.record(AuditEntry.of("system", "SUBMISSION_WITHDRAWN", withdrawn.countryIso3(),
                "submission", id, withdrawn.reason())));
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = ((Number) execution.getVariable(NationalReview.VAR_CYCLE_ID)).longValue();
        for (Withdrawn w : withdrawnWithRoundInstance(cycleId)) {
            String message = w.kind() == RoundKind.IMRF ? ImrfReview.MESSAGE_SUBMISSION_WITHDRAWN
                    : RegionalReview.MESSAGE_SUBMISSION_WITHDRAWN;
            int told = runtime.createMessageCorrelation(message).processInstanceId(w.roundInstanceId())
                    .localVariableEquals(RegionalReview.VAR_SUBMISSION_ID, w.submissionId())
                    .correlateAllWithResult().size();
            if (told == 0) {
                log.info("Submission {} withdrawn; its round instance {} was not waiting for {}", w.submissionId(),
                        w.roundInstanceId(), message);
                // No review scope took the message (the country was answering a question): nothing else tells a
                // closed round that this late country is gone, so it is settled here (issue 14.3).
                lateReviews.settle(w.roundId());
            }
        }
    }

    /** Withdrawn submissions of the cycle whose round has a process instance (it may have ended meanwhile). */
    private List<Withdrawn> withdrawnWithRoundInstance(long cycleId) {
        return jdbc.sql("""
                select s.id, s.round_id, s.kind, r.process_instance_id from submission s join review_round r on r.id = s.round_id
                 where s.cycle_id = ? and s.status = 'WITHDRAWN' and r.process_instance_id is not null
                 order by s.id""").param(cycleId)
                .query((rs, n) -> new Withdrawn(rs.getLong(1), rs.getLong(2), RoundKind.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .list();
    }
}
