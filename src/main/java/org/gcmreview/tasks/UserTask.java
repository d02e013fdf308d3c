package org.gcmreview.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * A Camunda user task as the forms see it.
 *
 * @param businessKey business key of the process instance the task belongs to (e.g. {@code KEN-2026})
 * @param countryIso3 tenant of the task: the country for national tasks, null for secretariat tasks
 * @param variables the variables visible from the task's execution (ids and decisions only)
 */
public record UserTask(
        String id,
        String name,
        String formKey,
        String processDefinitionKey,
        String processInstanceId,
        String businessKey,
        String countryIso3,
        String assignee,
        Instant created,
        Instant due,
        Map<String, Object> variables) {

    public Long cycleId() {
        return variable("cycleId", Number.class) == null ? null : variable("cycleId", Number.class).longValue();
    }

    public <T> T variable(String name, Class<T> type) {
        Object value = variables.get(name);
        return type.isInstance(value) ? type.cast(value) : null;
    }

    /** The country whose report the task is about: the secretariats' tasks carry it as a variable. */
    public String reportCountry() {
        return variables.get("countryIso3") instanceof String iso3 ? iso3 : countryIso3;
    }

    /** The national review the task is about: a secretariat's task belongs to its round's process. */
    public String reviewKey() {
        return variables.get("nationalBusinessKey") instanceof String key ? key : businessKey;
    }

    /** The review round's submission deadline, for the secretariats' tasks that have no due date of their own. */
    public Instant roundDeadline() {
        return variables.get("submissionDeadline") instanceof java.util.Date date ? date.toInstant() : null;
    }

    public boolean overdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
