package org.gcmreview.report;

/**
 * The status of one section in a person's task list (GOV.UK "complete multiple tasks" pattern, issue 16.5). The
 * rules, also explained on the pages:
 * <ul>
 * <li>a ministry's contribution for an objective: <em>completed</em> once it has an implementation status and a
 * narrative (what submitting needs), <em>in progress</em> once anything is written, otherwise <em>not
 * started</em>;</li>
 * <li>a report section, for the coordinator: <em>completed</em> once its text (and, for an objective, its status)
 * is given, <em>in progress</em> once anything is written; an empty objective section <em>cannot start yet</em>
 * while a ministry assigned to the objective has not submitted its contribution (consolidation starts from what
 * the ministries drafted), otherwise it is <em>not started</em>.</li>
 * </ul>
 */
public enum TaskStatus {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    CANNOT_START_YET;

    /** Message key of the status's words. */
    public String key() {
        return "tasklist.status." + name();
    }

    static TaskStatus of(Contribution c) {
        return c.drafted() ? COMPLETED : c.content().isEmpty() ? NOT_STARTED : IN_PROGRESS;
    }

    static TaskStatus of(ReportSection s, java.util.List<Contribution> drafts) {
        SectionContent content = s.content();
        if (!content.narrative().isEmpty() && (!s.objective() || content.hasStatus())) {
            return COMPLETED;
        }
        if (!content.isEmpty()) {
            return IN_PROGRESS;
        }
        boolean waiting = s.objective() && drafts != null && drafts.stream().anyMatch(c -> !c.submitted());
        return waiting ? CANNOT_START_YET : NOT_STARTED;
    }
}
