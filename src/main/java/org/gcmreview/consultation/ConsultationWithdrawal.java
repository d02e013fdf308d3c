package org.gcmreview.consultation;

import static org.gcmreview.support.Timestamps.instant;

import java.time.Instant;
import java.util.Optional;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.CycleWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A withdrawn cycle's consultation (issue 14.5): closed at once, whatever its state, with a public notice that says
 * why; inputs already received stay as they are. Runs inside the withdrawal's transaction and takes the window's
 * row lock, so an input being stored right now is either in or refused, as with any closing.
 */
@Component("consultationWithdrawal")
public class ConsultationWithdrawal {

    /** What the public page says about a withdrawn review. */
    public record Notice(Instant withdrawnAt, String reason) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ConsultationWithdrawal(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void on(CycleWithdrawn withdrawn) {
        jdbc.sql("""
                update consultation_window
                   set status = 'CLOSED', closed_at = coalesce(closed_at, now()), withdrawn_at = now(),
                       withdrawal_notice = ?
                 where cycle_id = ?
                returning id""").params(withdrawn.reason(), withdrawn.cycleId()).query(Long.class).optional()
                .ifPresent(windowId -> audit.record(AuditEntry.of("system", "CONSULTATION_WITHDRAWN",
                        withdrawn.countryIso3(), "consultation_window", windowId, withdrawn.reason())));
    }

    /** The notice of a window closed by a withdrawal; none once a reopened cycle opened it again. */
    public Optional<Notice> notice(long cycleId) {
        return jdbc.sql("""
                select withdrawn_at, withdrawal_notice from consultation_window
                 where cycle_id = ? and withdrawn_at is not null""").param(cycleId)
                .query((rs, n) -> new Notice(instant(rs.getTimestamp(1)), rs.getString(2))).optional();
    }
}
