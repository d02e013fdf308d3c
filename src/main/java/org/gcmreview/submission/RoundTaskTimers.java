package org.gcmreview.submission;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates of the secretariats' tasks (regional review, IMRF registration), read by the BPMN as
 * {@code ${roundTaskTimers...}}: a due date when the task is created, one reminder before it, and an escalation
 * on the due date that repeats every period until the task is done. Engine time (ClockUtil), so process tests can
 * move it.
 */
@Component("roundTaskTimers")
public class RoundTaskTimers {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Period due;
    private final Period reminderBefore;
    private final Period escalationEvery;

    public RoundTaskTimers(@Value("${gcm.rounds.task-due:P30D}") String due,
            @Value("${gcm.rounds.reminder-before:P7D}") String reminderBefore,
            @Value("${gcm.rounds.escalation-every:P7D}") String escalationEvery) {
        this.due = Period.parse(due);
        this.reminderBefore = Period.parse(reminderBefore);
        this.escalationEvery = Period.parse(escalationEvery);
        if (this.escalationEvery.isZero() || this.escalationEvery.isNegative()) {
            throw new IllegalArgumentException("gcm.rounds.escalation-every must be positive: " + escalationEvery);
        }
    }

    /** When a task created now is due. */
    public Date dueDate() {
        return Date.from(now().atZone(ZoneOffset.UTC).plus(due).toInstant());
    }

    /** The reminder: the reminder period before the due date, but never before now (then it is sent at once). */
    public Date reminderAt(Date dueDate) {
        Instant at = dueDate.toInstant().atZone(ZoneOffset.UTC).minus(reminderBefore).toInstant();
        return Date.from(at.isBefore(now()) ? now() : at);
    }

    /**
     * ISO 8601 repeating interval, unbounded, from the due date: {@code R/2026-04-01T09:00:00Z/P7D}. A due date
     * already passed (a task reached late) starts from now, so the first escalation is not lost.
     */
    public String escalationCycle(Date dueDate) {
        Instant start = dueDate.toInstant().isBefore(now()) ? now() : dueDate.toInstant();
        return "R/" + ISO.format(start.truncatedTo(ChronoUnit.SECONDS)) + "/" + escalationEvery;
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
