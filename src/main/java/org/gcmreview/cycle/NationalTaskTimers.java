package org.gcmreview.cycle;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gcmreview.processes.NationalReview;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates of national-review's waiting tasks other than drafting (issue 14.2): a ministry's sign-off and the
 * coordinator's answer to a clarification each get a due date, one reminder before it and an escalation on the due
 * date that repeats every {@code gcm.escalation.repeat} until the task is done. The BPMN reads them as
 * {@code ${nationalTaskTimers...(execution)}}: a due date missing from an instance (one started on an older version
 * of the model, migrated or restarted) is set on first use instead of failing the timer, so no such instance ends in
 * an incident. Engine time (ClockUtil), so process tests can move it.
 */
@Component("nationalTaskTimers")
public class NationalTaskTimers {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Period signOffPeriod;
    private final Period signOffReminderBefore;
    private final Period clarificationPeriod;
    private final Period clarificationReminderBefore;
    private final Period escalationEvery;

    public NationalTaskTimers(@Value("${gcm.signoff.period:P14D}") String signOffPeriod,
            @Value("${gcm.signoff.reminder-before:P3D}") String signOffReminderBefore,
            @Value("${gcm.clarification.period:P14D}") String clarificationPeriod,
            @Value("${gcm.clarification.reminder-before:P3D}") String clarificationReminderBefore,
            @Value("${gcm.escalation.repeat:P7D}") String escalationEvery) {
        this.signOffPeriod = Period.parse(signOffPeriod);
        this.signOffReminderBefore = Period.parse(signOffReminderBefore);
        this.clarificationPeriod = Period.parse(clarificationPeriod);
        this.clarificationReminderBefore = Period.parse(clarificationReminderBefore);
        this.escalationEvery = Period.parse(escalationEvery);
        if (this.escalationEvery.isZero() || this.escalationEvery.isNegative()) {
            throw new IllegalArgumentException("gcm.escalation.repeat must be positive: " + escalationEvery);
        }
    }

    /**
     * OpenSignOffRound: every round starts with no request for changes (a ministry's request sets it for the
     * round) and a due date: the planned sign-off date while it is still ahead, otherwise now plus
     * {@code gcm.signoff.period}.
     */
    public void openSignOffRound(DelegateExecution execution) {
        execution.setVariable(NationalReview.VAR_CHANGES_REQUESTED, Boolean.FALSE);
        Date planned = date(execution, NationalReview.VAR_SIGN_OFF_DUE);
        execution.setVariable(NationalReview.VAR_SIGN_OFF_DUE,
                planned != null && planned.toInstant().isAfter(now()) ? planned : after(signOffPeriod));
    }

    public Date signOffDue(DelegateExecution execution) {
        return dueOf(execution, NationalReview.VAR_SIGN_OFF_DUE, signOffPeriod);
    }

    public Date signOffReminderAt(DelegateExecution execution) {
        return reminderAt(signOffDue(execution), signOffReminderBefore);
    }

    public String signOffEscalation(DelegateExecution execution) {
        return escalationCycle(signOffDue(execution));
    }

    /**
     * On the clarification request: the answer is due on the date the secretariat asked for when it gave one that
     * is still ahead ({@code clarificationAnswerBy}), otherwise {@code gcm.clarification.period} from now. Each
     * request gets its own date.
     */
    public void openClarification(DelegateExecution execution) {
        Date askedFor = date(execution, NationalReview.VAR_CLARIFICATION_ANSWER_BY);
        execution.setVariable(NationalReview.VAR_CLARIFICATION_DUE,
                askedFor != null && askedFor.toInstant().isAfter(now()) ? askedFor : after(clarificationPeriod));
    }

    public Date clarificationDue(DelegateExecution execution) {
        return dueOf(execution, NationalReview.VAR_CLARIFICATION_DUE, clarificationPeriod);
    }

    public Date clarificationReminderAt(DelegateExecution execution) {
        return reminderAt(clarificationDue(execution), clarificationReminderBefore);
    }

    public String clarificationEscalation(DelegateExecution execution) {
        return escalationCycle(clarificationDue(execution));
    }

    private Date dueOf(DelegateExecution execution, String variable, Period period) {
        Date due = date(execution, variable);
        if (due == null) {
            due = after(period);
            execution.setVariable(variable, due);
        }
        return due;
    }

    /** The reminder period before the due date, but never before now (then it is sent at once). */
    private static Date reminderAt(Date due, Period before) {
        Instant at = due.toInstant().atZone(ZoneOffset.UTC).minus(before).toInstant();
        return Date.from(at.isBefore(now()) ? now() : at);
    }

    /**
     * ISO 8601 repeating interval, unbounded, from the due date; a due date already passed (a task reached late)
     * starts from now, so the first escalation is not lost.
     */
    private String escalationCycle(Date due) {
        Instant start = due.toInstant().isBefore(now()) ? now() : due.toInstant();
        return "R/" + ISO.format(start.truncatedTo(ChronoUnit.SECONDS)) + "/" + escalationEvery;
    }

    private static Date date(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (value instanceof Date date) {
            return date;
        }
        if (value instanceof String text && !text.isBlank()) {
            // an ISO date-time, as a form or another engineer's re-planning may store it
            return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
        }
        return null;
    }

    private Date after(Period period) {
        return Date.from(now().atZone(ZoneOffset.UTC).plus(period).toInstant());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
