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

    public boolean overdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
