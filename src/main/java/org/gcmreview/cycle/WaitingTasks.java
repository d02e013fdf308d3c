package org.gcmreview.cycle;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gcmreview.processes.ImrfReview;
import org.gcmreview.processes.NationalReview;
import org.gcmreview.processes.RegionalReview;
import org.gcmreview.processes.StakeholderConsultation;
import org.springframework.core.env.PropertyResolver;
import org.springframework.stereotype.Component;

/**
 * The due date, reminder and repeating escalation of every task that waits on someone and has no rule of its own
 * (issue 14.2; drafting, sign-off, the clarification answer and the secretariats' review and registration have
 * theirs). The BPMN reads them as {@code ${waitingTasks.due(execution, 'EndorseFinalReport')}} on the user task and
 * on its two boundary timers. A task is due on the cycle's planned date for it while that date is ahead (the plan's
 * endorsement and internal submission dates; the consultation's opening for consolidation), otherwise
 * {@code gcm.tasks.<setting>.due-after} after it is reached. The due date is kept on the task's own execution, so a
 * task reached again (a second round of revision, a re-submission) gets a new one. Engine time (ClockUtil), so
 * process tests can move it.
 */
@Component("waitingTasks")
public class WaitingTasks {

    /** Kept on the waiting task's own execution (it is a scope: its timers are attached to it). */
    static final String VAR_DUE = "waitingTaskDue";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * How one task's due date is found.
     *
     * @param setting the name under {@code gcm.tasks.} of its period
     * @param plannedVariable the process variable holding its planned date, or null
     * @param afterPlanned whether the period runs from the planned date (a round's deadline) instead of replacing it
     */
    record Rule(String task, String setting, String plannedVariable, boolean afterPlanned, Period defaultPeriod) {
    }

    static final List<Rule> RULES = List.of(
            new Rule(NationalReview.SCOPE_REVIEW, "scoping", null, false, Period.ofDays(14)),
            new Rule(NationalReview.CONSOLIDATE_REPORT, "consolidation", NationalReview.VAR_CONSULTATION_OPENS_AT,
                    false, Period.ofDays(7)),
            new Rule(NationalReview.REPLAN_CONSULTATION, "replanning", null, false, Period.ofDays(7)),
            new Rule(NationalReview.REVISE_DRAFT_AFTER_CONSULTATION, "revision-after-consultation", null, false,
                    Period.ofDays(14)),
            new Rule(NationalReview.REVISE_REQUESTED_SECTIONS, "requested-revision", null, false, Period.ofDays(7)),
            new Rule(NationalReview.ENDORSE_FINAL_REPORT, "endorsement", NationalReview.VAR_ENDORSEMENT_DUE, false,
                    Period.ofDays(7)),
            new Rule(NationalReview.VALIDATE_REPORT, "government-validation", null, false, Period.ofDays(14)),
            new Rule(NationalReview.PUBLISH_ENDORSED_REPORT, "publication", null, false, Period.ofDays(30)),
            new Rule(NationalReview.SUBMIT_TO_REGIONAL_REVIEW, "internal-submission",
                    NationalReview.VAR_INTERNAL_SUBMISSION_DUE, false, Period.ofDays(7)),
            new Rule(NationalReview.CHOOSE_REGIONAL_ROUND, "round-choice", null, false, Period.ofDays(7)),
            new Rule(NationalReview.CHOOSE_IMRF_EDITION, "round-choice", null, false, Period.ofDays(7)),
            new Rule(StakeholderConsultation.RESPOND_TO_INPUTS, "input-responses", null, false, Period.ofDays(14)),
            new Rule(RegionalReview.PREPARE_REGIONAL_SYNTHESIS, "regional-synthesis",
                    RegionalReview.VAR_SUBMISSION_DEADLINE, true, Period.ofDays(30)),
            new Rule(ImrfReview.CLOSE_IMRF_EDITION, "edition-closing", ImrfReview.VAR_SUBMISSION_DEADLINE, true,
                    Period.ofDays(60)));

    private final Map<String, Rule> rules;
    private final Map<String, Period> periods;
    private final Period reminderBefore;
    private final Period escalationEvery;

    public WaitingTasks(PropertyResolver settings) {
        this.rules = RULES.stream().collect(Collectors.toMap(Rule::task, Function.identity()));
        this.periods = RULES.stream().collect(Collectors.toMap(Rule::task, rule -> Period.parse(settings
                .getProperty("gcm.tasks." + rule.setting() + ".due-after", rule.defaultPeriod().toString()))));
        this.reminderBefore = Period.parse(settings.getProperty("gcm.tasks.reminder-before", "P2D"));
        this.escalationEvery = Period.parse(settings.getProperty("gcm.escalation.repeat", "P7D"));
        if (escalationEvery.isZero() || escalationEvery.isNegative()) {
            throw new IllegalArgumentException("gcm.escalation.repeat must be positive: " + escalationEvery);
        }
    }

    /** The tasks with a rule here (the model test checks that every user task has a due date). */
    static List<String> tasks() {
        return RULES.stream().map(Rule::task).toList();
    }

    /** When the task is due: kept on its execution the first time it is asked for on this visit. */
    public Date due(DelegateExecution execution, String task) {
        if (execution.getVariableLocal(VAR_DUE) instanceof Date due) {
            return due;
        }
        Date due = firstDue(task, execution::getVariable);
        execution.setVariableLocal(VAR_DUE, due);
        return due;
    }

    public Date reminderAt(DelegateExecution execution, String task) {
        return reminderAt(due(execution, task));
    }

    public String escalation(DelegateExecution execution, String task) {
        return escalationCycle(due(execution, task));
    }

    /** The planned date while it is ahead, otherwise the task's period from now. */
    Date firstDue(String task, Function<String, Object> variables) {
        Rule rule = rules.get(task);
        if (rule == null) {
            throw new IllegalArgumentException("No due date rule for the task " + task);
        }
        Date planned = rule.plannedVariable() == null ? null : date(variables.apply(rule.plannedVariable()));
        if (planned != null && rule.afterPlanned()) {
            return plus(planned.toInstant(), periods.get(task));
        }
        if (planned != null && planned.toInstant().isAfter(now())) {
            return planned;
        }
        return plus(now(), periods.get(task));
    }

    /** The task whose planned date is held in this variable, if any (a change of the plan moves it). */
    static List<String> tasksPlannedBy(String variable) {
        return RULES.stream().filter(r -> !r.afterPlanned() && variable.equals(r.plannedVariable()))
                .map(Rule::task).toList();
    }

    /** The reminder period before the due date, but never before now (then it is sent at once). */
    Date reminderAt(Date due) {
        Instant at = due.toInstant().atZone(ZoneOffset.UTC).minus(reminderBefore).toInstant();
        return Date.from(at.isBefore(now()) ? now() : at);
    }

    /**
     * ISO 8601 repeating interval, unbounded, from the due date; a due date already passed starts from now, so the
     * first escalation is not lost.
     */
    String escalationCycle(Date due) {
        Instant start = due.toInstant().isBefore(now()) ? now() : due.toInstant();
        return "R/" + ISO.format(start.truncatedTo(ChronoUnit.SECONDS)) + "/" + escalationEvery;
    }

    static Date date(Object value) {
        if (value instanceof Date date) {
            return date;
        }
        if (value instanceof String text && !text.isBlank()) {
            return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
        }
        return null;
    }

    private static Date plus(Instant from, Period period) {
        return Date.from(from.atZone(ZoneOffset.UTC).plus(period).toInstant());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
