package org.gcmreview.cycle;

import java.time.Duration;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The repeating timers of national-review's escalations (issue 14.2): an overdue task is escalated on its due date
 * and again every {@code gcm.escalation.repeat} (default a week) until it is done. The BPMN asks for the ISO 8601
 * cycle {@code R/<due date>/<period>} with {@code ${escalationCycles.from(draftingDue)}}, so instances need no
 * extra variable and restarted or migrated instances get the same rule.
 */
@Component("escalationCycles")
public class EscalationCycles {

    private final Duration every;

    public EscalationCycles(@Value("${gcm.escalation.repeat:P7D}") Duration every) {
        this.every = every;
    }

    /** Unbounded repetitions, the first on the due date itself. */
    public String from(Date due) {
        return "R/" + due.toInstant() + "/" + every;
    }
}
