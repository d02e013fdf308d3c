package org.gcmreview.consultation;

import java.sql.Timestamp;
import java.time.ZoneOffset;

import org.gcmreview.cycle.CyclePlanChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the consultation window's dates in step with the cycle's plan when the coordinator changes it (issue
 * 14.1): a window waiting to open takes both new dates, an open window its new closing date (the process's
 * timers are moved by the cycle module). A closed window keeps the dates it really had.
 */
@Component
class ConsultationPlanFollower {

    private final JdbcClient jdbc;

    ConsultationPlanFollower(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void planChanged(CyclePlanChanged changed) {
        Timestamp opens = Timestamp.from(changed.plan().consultationOpens().atStartOfDay().toInstant(ZoneOffset.UTC));
        Timestamp closes = Timestamp.from(changed.plan().consultationCloses().atTime(23, 59)
                .toInstant(ZoneOffset.UTC));
        jdbc.sql("update consultation_window set opens_at = ?, closes_at = ? where cycle_id = ? and status = 'SCHEDULED'")
                .params(opens, closes, changed.cycleId()).update();
        jdbc.sql("update consultation_window set closes_at = ? where cycle_id = ? and status = 'OPEN'")
                .params(closes, changed.cycleId()).update();
    }
}
